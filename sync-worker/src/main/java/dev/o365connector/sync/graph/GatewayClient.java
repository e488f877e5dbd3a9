package dev.o365connector.sync.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.sync.config.SyncConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Graph pages through graph-gateway, with the worker's own platform token ({@code graph.read}). The
 * gateway already waits out throttling within its budget; a 429/503/504 it passes through is waited
 * out here too, after its Retry-After ({@link RetryAfterWait}). A 410 becomes {@link GraphGone};
 * other errors {@link GraphFailure}.
 */
@ApplicationScoped
public class GatewayClient {

  private static final int MAX_PASSED_THROUGH_RETRIES = 5;
  private static final ObjectMapper JSON = ContractJson.mapper();

  private final WebClient web;
  private final OidcClient oidc;
  private final SyncConfig config;
  private final Vertx vertx;
  private final RetryAfterWait retryAfter;
  private final AtomicReference<Uni<Tokens>> tokens = new AtomicReference<>();

  GatewayClient(Vertx vertx, OidcClient oidc, SyncConfig config, Clock clock) {
    this.web = WebClient.create(vertx);
    this.oidc = oidc;
    this.config = config;
    this.vertx = vertx;
    this.retryAfter = new RetryAfterWait(clock);
  }

  /** The gateway base URL of an installation, e.g. {@code http://gw/graph/{id}/v1.0}. */
  public String installationBase(String installationId) {
    String base = config.gatewayUrl().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/graph/"
        + installationId
        + "/v1.0";
  }

  /**
   * One page, as a JSON tree: {@code url} is absolute (a start URL or a link the gateway handed
   * out).
   */
  public Uni<JsonNode> page(String url, boolean immutableIds) {
    return page(url, immutableIds, 0);
  }

  private Uni<JsonNode> page(String url, boolean immutableIds, int retries) {
    return onCallersContext(token())
        .flatMap(
            token -> {
              var request = web.getAbs(url).bearerTokenAuthentication(token);
              request.timeout(config.pageTimeout().toMillis());
              String prefer = prefer(immutableIds);
              if (!prefer.isEmpty()) {
                request.putHeader("Prefer", prefer);
              }
              return request.send();
            })
        .flatMap(response -> answer(url, immutableIds, retries, response));
  }

  private Uni<JsonNode> answer(
      String url, boolean immutableIds, int retries, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 200) {
      // Parsed once, straight into the tree the change events carry as their data.
      try {
        return Uni.createFrom().item(JSON.readTree(response.body().getBytes()));
      } catch (IOException e) {
        return Uni.createFrom().failure(GraphFailure.of(status, "a page that is not JSON"));
      }
    }
    if (status == 410) {
      return Uni.createFrom().failure(new GraphGone(response.getHeader("Location")));
    }
    if (status == 401 && retries == 0) {
      tokens.set(null); // our own token: fetch a new one once
      return page(url, immutableIds, retries + 1);
    }
    if ((status == 429 || status == 503 || status == 504) && retries < MAX_PASSED_THROUGH_RETRIES) {
      Duration wait = retryAfter.of(response.getHeader("Retry-After"));
      return Uni.createFrom()
          .emitter(e -> vertx.setTimer(Math.max(1, wait.toMillis()), id -> e.complete(null)))
          .flatMap(x -> page(url, immutableIds, retries + 1));
    }
    return Uni.createFrom().failure(GraphFailure.of(status, response.bodyAsString()));
  }

  /**
   * {@code uni}, continued on the caller's Vert.x context. A token fetch is shared by every page
   * waiting for it and completes on the context of the page that started it; the request must go
   * out from its own run's context, whose span (Quarkus' Vert.x HTTP client tracing takes the
   * parent from there) and log keys are that run's.
   */
  private static <T> Uni<T> onCallersContext(Uni<T> uni) {
    io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
    if (caller == null) {
      return uni;
    }
    return uni.emitOn(
        task -> {
          if (io.vertx.core.Vertx.currentContext() == caller) {
            task.run();
          } else {
            caller.runOnContext(x -> task.run());
          }
        });
  }

  private Uni<String> token() {
    Uni<Tokens> current = tokens.get();
    if (current == null) {
      current = oidc.getTokens().memoize().indefinitely();
      tokens.set(current);
    }
    return current.flatMap(
        t -> {
          if (t.isAccessTokenExpired()) {
            tokens.set(null);
            return token();
          }
          return Uni.createFrom().item(t.getAccessToken());
        });
  }

  private String prefer(boolean immutableIds) {
    List<String> preferences = new ArrayList<>();
    config.pageSize().ifPresent(size -> preferences.add("odata.maxpagesize=" + size));
    if (immutableIds) {
      preferences.add("IdType=\"ImmutableId\"");
    }
    return String.join(", ", preferences);
  }

  @PreDestroy
  void close() {
    web.close();
  }
}
