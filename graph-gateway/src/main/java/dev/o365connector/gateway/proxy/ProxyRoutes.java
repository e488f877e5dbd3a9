package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.authorization.Caller;
import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.gateway.error.GatewayProblem;
import dev.o365connector.gateway.error.Problems;
import dev.o365connector.gateway.linkrewrite.GraphLinks;
import dev.o365connector.gateway.pathsafety.GraphPath;
import dev.o365connector.gateway.upstream.UpstreamClient;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
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
    String clientRequestId = ClientRequestId.of(request.getHeader("client-request-id"));
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
                if (exchange.isBatch()) {
                  batch(exchange, body, links(ctx, path));
                } else {
                  forward(exchange, links(ctx, path));
                }
              } catch (GatewayProblem problem) {
                deny(request, ctx.response(), problem, ProxyMetrics.UNMATCHED, clientRequestId);
              }
            },
            failure ->
                deny(
                    request,
                    ctx.response(),
                    Caller.unauthenticated(),
                    ProxyMetrics.UNMATCHED,
                    clientRequestId));
  }

  private void forward(GraphExchange exchange, GraphLinks links) {
    proxy
        .forward(exchange)
        .subscribe()
        .with(
            response -> {
              int status = response.statusCode();
              metrics.answered(exchange.routeTag(), status);
              metrics.added(exchange.added());
              LOG.debugf(
                  "GET %s for installation %s -> %d (client-request-id %s, %d attempt(s))",
                  exchange.routeTag(),
                  exchange.installationId(),
                  status,
                  exchange.clientRequestId(),
                  exchange.attempts());
              ResponseRelay.relay(
                  response,
                  exchange.response(),
                  links,
                  exchange.clientRequestId(),
                  exchange::releasePermit);
            },
            failure -> refuse(exchange, failure));
  }

  private void batch(GraphExchange exchange, Future<Buffer> body, GraphLinks links) {
    Uni.createFrom()
        .completionStage(body::toCompletionStage)
        .flatMap(buffer -> batch.handle(exchange, buffer, links))
        .subscribe()
        .with(
            answer -> {
              if (answer.passThrough() != null) {
                int status = answer.passThrough().statusCode();
                metrics.answered(exchange.routeTag(), status);
                ResponseRelay.relay(
                    answer.passThrough(),
                    exchange.response(),
                    links,
                    exchange.clientRequestId(),
                    exchange::releasePermit);
                return;
              }
              exchange.releasePermit();
              metrics.answered(exchange.routeTag(), 200);
              exchange
                  .response()
                  .putHeader("Content-Type", "application/json")
                  .putHeader("client-request-id", exchange.clientRequestId())
                  .end(answer.json().toBuffer());
            },
            failure -> refuse(exchange, failure));
  }

  private void refuse(GraphExchange exchange, Throwable failure) {
    exchange.releasePermit();
    deny(
        exchange.request(),
        exchange.response(),
        asProblem(failure),
        exchange.routeTag(),
        exchange.clientRequestId());
  }

  private void deny(
      HttpServerRequest request,
      HttpServerResponse response,
      GatewayProblem problem,
      String route,
      String requestId) {
    metrics.refused(route, problem.status());
    LOG.infof(
        "Refused %s %s: %d %s (client-request-id %s)",
        request.method(), route, problem.status(), problem.slug(), requestId);
    Object retryAfter = problem.extensions().get("retryAfterSeconds");
    if (retryAfter != null) {
      response.putHeader("Retry-After", retryAfter.toString());
    }
    if (problem.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.putHeader("client-request-id", requestId);
    Problems.write(response, problem);
  }

  private GraphLinks links(RoutingContext ctx, GraphPath path) {
    String publicBase =
        config
            .publicUrl()
            .map(Object::toString)
            .orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority());
    return GraphLinks.of(upstream.baseUrl(), publicBase, path.installationId());
  }

  static GatewayProblem asProblem(Throwable failure) {
    if (failure instanceof GatewayProblem problem) {
      return problem;
    }
    LOG.warnf("Graph request failed: %s", failure.toString());
    return new GatewayProblem(
        502, "graph-unavailable", "Graph could not be reached", failure.getClass().getSimpleName());
  }
}
