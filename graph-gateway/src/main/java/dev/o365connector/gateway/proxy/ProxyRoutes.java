package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.gateway.error.GatewayProblem;
import dev.o365connector.gateway.error.Problems;
import dev.o365connector.gateway.linkrewrite.GraphLinks;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code /graph/{installationId}/v1.0/...}: a Vert.x route rather than JAX-RS, because the body is
 * piped with backpressure and the raw request line must be checked before any decoding or
 * normalisation (which the router applies to the paths it matches, so this route looks at every
 * request and takes those whose raw path starts with {@code /graph/}).
 */
@ApplicationScoped
public class ProxyRoutes {

  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  private final GraphProxy proxy;
  private final BatchProxy batch;
  private final ProxyMetrics metrics;
  private final GatewayConfig config;
  private final UpstreamClient upstream;

  ProxyRoutes(
      GraphProxy proxy,
      BatchProxy batch,
      ProxyMetrics metrics,
      GatewayConfig config,
      UpstreamClient upstream) {
    this.proxy = proxy;
    this.batch = batch;
    this.metrics = metrics;
    this.config = config;
    this.upstream = upstream;
  }

  void register(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.path().startsWith(GraphPath.PREFIX)) {
      ctx.next();
      return;
    }
    String clientRequestId = Caller.clientRequestId(request.getHeader("client-request-id"));
    RequestContext served = RequestContext.current();
    // Read a POST body from the start: the identity may take a moment, the bytes must not be lost.
    Future<Buffer> body = request.method() == HttpMethod.POST ? BatchRequests.read(request) : null;
    served
        .resume(Caller.identity(ctx))
        .subscribe()
        .with(
            identity -> {
              served.log("clientId", Caller.clientId(identity));
              try {
                Caller.authorize(identity);
                GraphPath path = GraphPath.parse(request.path(), request.query());
                served.log("installationId", path.installationId());
                GraphExchange exchange = new GraphExchange(ctx, path, clientRequestId, served);
                if (isBatch(request, path)) {
                  batch(exchange, body, links(ctx, path));
                } else {
                  forward(exchange, links(ctx, path));
                }
              } catch (GatewayProblem problem) {
                deny(ctx, problem, ProxyMetrics.UNMATCHED, clientRequestId);
              }
            },
            failure ->
                deny(ctx, Caller.unauthenticated(), ProxyMetrics.UNMATCHED, clientRequestId));
  }

  private void forward(GraphExchange exchange, GraphLinks links) {
    proxy
        .forward(exchange)
        .subscribe()
        .with(
            response -> {
              int status = response.statusCode();
              metrics.request(exchange.routeTag(), status, outcome(status));
              metrics.added(exchange.added());
              LOG.debugf(
                  "GET %s for installation %s -> %d (client-request-id %s, %d attempt(s))",
                  exchange.routeTag(),
                  exchange.path.installationId(),
                  status,
                  exchange.clientRequestId,
                  exchange.attempts);
              ResponseRelay.relay(
                  response,
                  exchange.ctx.response(),
                  links,
                  exchange.clientRequestId,
                  exchange::releasePermit);
            },
            failure -> {
              exchange.releasePermit();
              deny(exchange.ctx, asProblem(failure), exchange.routeTag(), exchange.clientRequestId);
            });
  }

  private void batch(GraphExchange exchange, Future<Buffer> body, GraphLinks links) {
    exchange.batch = true;
    Uni.createFrom()
        .completionStage(body::toCompletionStage)
        .flatMap(buffer -> batch.handle(exchange, buffer, links))
        .subscribe()
        .with(
            answer -> {
              if (answer.passThrough() != null) {
                int status = answer.passThrough().statusCode();
                metrics.request(exchange.routeTag(), status, outcome(status));
                ResponseRelay.relay(
                    answer.passThrough(),
                    exchange.ctx.response(),
                    links,
                    exchange.clientRequestId,
                    exchange::releasePermit);
                return;
              }
              exchange.releasePermit();
              metrics.request(exchange.routeTag(), 200, "allowed");
              exchange
                  .ctx
                  .response()
                  .putHeader("Content-Type", "application/json")
                  .putHeader("client-request-id", exchange.clientRequestId)
                  .end(answer.json().toBuffer());
            },
            failure -> {
              exchange.releasePermit();
              deny(exchange.ctx, asProblem(failure), exchange.routeTag(), exchange.clientRequestId);
            });
  }

  private void deny(RoutingContext ctx, GatewayProblem problem, String route, String requestId) {
    metrics.request(route, problem.status(), problemOutcome(problem.status()));
    LOG.infof(
        "Refused %s %s: %d %s (client-request-id %s)",
        ctx.request().method(), route, problem.status(), problem.slug(), requestId);
    Object retryAfter = problem.extensions().get("retryAfterSeconds");
    if (retryAfter != null) {
      ctx.response().putHeader("Retry-After", retryAfter.toString());
    }
    if (problem.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response().putHeader("client-request-id", requestId);
    Problems.write(ctx.response(), problem);
  }

  private GraphLinks links(RoutingContext ctx, GraphPath path) {
    String publicBase =
        config
            .publicUrl()
            .map(Object::toString)
            .orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority());
    return GraphLinks.of(upstream.baseUrl(), publicBase, path.installationId());
  }

  private static boolean isBatch(HttpServerRequest request, GraphPath path) {
    return request.method() == HttpMethod.POST && path.path().equals("/$batch");
  }

  static GatewayProblem asProblem(Throwable failure) {
    if (failure instanceof GatewayProblem problem) {
      return problem;
    }
    LOG.warnf("Graph request failed: %s", failure.toString());
    return new GatewayProblem(
        502, "graph-unavailable", "Graph could not be reached", failure.getClass().getSimpleName());
  }

  private static String problemOutcome(int status) {
    if (status == 429 || status == 503) {
      return "throttled";
    }
    return status >= 500 ? "failed" : "denied";
  }

  private static String outcome(int status) {
    if (status == 429 || status == 503 || status == 504) {
      return "throttled";
    }
    return status >= 500 ? "failed" : "allowed";
  }
}
