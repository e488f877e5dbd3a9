package dev.o365connector.gateway.proxy;

import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.gateway.error.GatewayProblem;
import dev.o365connector.gateway.permission.RequestPermission;
import dev.o365connector.gateway.throttle.MailboxGovernor;
import dev.o365connector.gateway.throttle.ThrottleBackoff;
import dev.o365connector.gateway.token.InstallationTokens;
import dev.o365connector.gateway.upstream.UpstreamClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Forwards one permitted Graph request: attaches the installation's token, holds a per-mailbox
 * slot, retries a 401 once with a refreshed token and 429/503/504 after their Retry-After (never
 * sooner) within the wait budget, and hands back the last response, still unread.
 */
@ApplicationScoped
public class GraphProxy {

  private static final Logger LOG = Logger.getLogger(GraphProxy.class);

  /** Caller headers Graph needs to see; never the caller's Authorization. */
  private static final List<String> FORWARDED =
      List.of("Accept", "Prefer", "ConsistencyLevel", "If-None-Match", "If-Match", "Range");

  private final UpstreamClient upstream;
  private final InstallationTokens tokens;
  private final MailboxGovernor governor;
  private final ThrottleBackoff backoff;
  private final RetryDelays delays;
  private final ProxyMetrics metrics;
  private final GatewayConfig.Retry retry;
  private final Vertx vertx;

  GraphProxy(
      UpstreamClient upstream,
      InstallationTokens tokens,
      MailboxGovernor governor,
      ThrottleBackoff backoff,
      ProxyMetrics metrics,
      GatewayConfig config,
      Clock clock,
      Vertx vertx) {
    this.upstream = upstream;
    this.tokens = tokens;
    this.governor = governor;
    this.backoff = backoff;
    this.metrics = metrics;
    this.retry = config.retry();
    this.delays = new RetryDelays(config.retry(), clock);
    this.vertx = vertx;
  }

  /** Checks the request against the installation's grants; then the first attempt. */
  Uni<HttpClientResponse> forward(GraphExchange exchange) {
    String method = exchange.request().method().name();
    RequestPermission.requireKnownRoute(method, exchange.path().path());
    return tokens
        .current(exchange.installationId())
        .flatMap(
            access -> {
              exchange.admitted(
                  access, RequestPermission.check(method, exchange.path().path(), access));
              return attempt(exchange, HttpMethod.GET, exchange.path().pathAndQuery(), null);
            });
  }

  /**
   * Sends the allowed inner requests of a {@code $batch} (each already checked against {@code
   * access}) to Graph as one batch, with the same retries as a single request.
   */
  Uni<HttpClientResponse> forwardBatch(
      GraphExchange exchange, InstallationAccess access, Buffer allowed) {
    exchange.admitted(access, null);
    return attempt(exchange, HttpMethod.POST, "/$batch", allowed);
  }

  /** One attempt of {@code method pathAndQuery} for {@code exchange}, and the retries it earns. */
  private Uni<HttpClientResponse> attempt(
      GraphExchange exchange, HttpMethod method, String pathAndQuery, Buffer body) {
    Duration quiet = backoff.remaining(exchange.throttleScope());
    if (quiet.compareTo(Duration.ZERO) > 0) {
      if (!exchange.reserveWait(quiet, retry.maxTotalWait())) {
        return Uni.createFrom().failure(throttledHere(quiet));
      }
      return sleep(quiet).flatMap(x -> attempt(exchange, method, pathAndQuery, body));
    }
    String mailbox = exchange.mailbox();
    Uni<MailboxGovernor.Permit> slot =
        mailbox == null ? Uni.createFrom().nullItem() : governor.acquire(mailbox);
    // Graph is called from the request's own context, whatever released the slot or fetched the
    // token: its traceparent and log lines are this request's.
    return exchange
        .resume(slot)
        .flatMap(
            permit -> {
              exchange.attemptStarted(permit);
              long sent = System.nanoTime();
              return upstream
                  .send(method, pathAndQuery, headers(exchange), body)
                  .onFailure()
                  .invoke(e -> exchange.releasePermit())
                  .flatMap(
                      response -> {
                        Duration took = Duration.ofNanos(System.nanoTime() - sent);
                        exchange.graphAnswered(took);
                        metrics.upstream(exchange.routeTag(), took);
                        return afterResponse(exchange, method, pathAndQuery, body, response);
                      });
            });
  }

  private Uni<HttpClientResponse> afterResponse(
      GraphExchange exchange,
      HttpMethod method,
      String pathAndQuery,
      Buffer body,
      HttpClientResponse response) {
    int status = response.statusCode();
    if (status == 401 && exchange.claimTokenRenewal()) {
      LOG.infof(
          "Graph rejected the token of installation %s (client-request-id %s); refreshing once",
          exchange.installationId(), exchange.clientRequestId());
      return discard(exchange, response)
          .flatMap(x -> tokens.replace(exchange.installationId(), exchange.access()))
          .flatMap(
              access -> {
                exchange.tokenRenewed(access);
                return attempt(exchange, method, pathAndQuery, body);
              });
    }
    if (!RetryDelays.RETRYABLE.contains(status) || exchange.attempts() >= retry.maxAttempts()) {
      return Uni.createFrom().item(response);
    }
    String retryAfter = response.getHeader("Retry-After");
    Duration wait = delays.after(exchange.attempts(), retryAfter);
    if (status == 429) {
      backoff.throttled(exchange.throttleScope(), wait);
    }
    if (!exchange.reserveWait(wait, retry.maxTotalWait())) {
      return Uni.createFrom().item(response); // budget spent: the caller gets Graph's answer
    }
    LOG.infof(
        "Graph answered %d for installation %s (client-request-id %s); retrying in %d ms",
        status, exchange.installationId(), exchange.clientRequestId(), wait.toMillis());
    metrics.request(exchange.routeTag(), status, "retried");
    return discard(exchange, response)
        .flatMap(x -> sleep(wait))
        .flatMap(x -> attempt(exchange, method, pathAndQuery, body));
  }

  private MultiMap headers(GraphExchange exchange) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    MultiMap incoming = exchange.request().headers();
    for (String name : FORWARDED) {
      List<String> values = incoming.getAll(name);
      if (!values.isEmpty()) {
        headers.add(name, values);
      }
    }
    headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + exchange.access().accessToken());
    headers.set("client-request-id", exchange.clientRequestId());
    return headers;
  }

  /** Reads and drops a response that will be retried, so its connection goes back to the pool. */
  private static Uni<Void> discard(GraphExchange exchange, HttpClientResponse response) {
    exchange.releasePermit();
    return Uni.createFrom()
        .completionStage(() -> response.resume().end().toCompletionStage())
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> sleep(Duration wait) {
    long millis = Math.max(1, wait.toMillis() + (wait.toNanosPart() % 1_000_000 > 0 ? 1 : 0));
    return Uni.createFrom()
        .emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
  }

  private static GatewayProblem throttledHere(Duration quiet) {
    long seconds = Math.max(1, (quiet.toMillis() + 999) / 1000);
    return new GatewayProblem(
        429,
        "throttled",
        "Graph is throttling this mailbox or installation",
        "Graph asked for quiet for another " + seconds + " s, more than the retry budget left",
        Map.of("retryAfterSeconds", seconds));
  }
}
