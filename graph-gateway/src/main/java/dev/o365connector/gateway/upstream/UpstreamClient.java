package dev.o365connector.gateway.upstream;

import dev.o365connector.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The pooled, keep-alive HTTP client to the configured Graph host: the only host the gateway ever
 * contacts, whatever a caller sends. Responses come back paused, so the caller decides whether to
 * stream, discard or retry before a byte is read.
 */
@ApplicationScoped
public class UpstreamClient {

  private final HttpClient client;
  private final String basePath;
  private final String baseUrl;

  UpstreamClient(Vertx vertx, GatewayConfig config) {
    URI base = config.graphBaseUrl();
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
    GatewayConfig.Upstream upstream = config.upstream();
    HttpClientOptions options =
        new HttpClientOptions()
            .setDefaultHost(base.getHost())
            .setDefaultPort(port)
            .setSsl(tls)
            .setKeepAlive(true)
            .setConnectTimeout((int) upstream.connectTimeout().toMillis())
            .setIdleTimeout((int) upstream.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setDecompressionSupported(false);
    this.client =
        vertx.createHttpClient(
            options, new PoolOptions().setHttp1MaxSize(upstream.maxConnections()));
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String url = base.toString();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Graph's base URL as configured, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends {@code method pathAndQuery} (relative to the base path) with {@code headers} and an
   * optional body; the response arrives paused.
   */
  public Uni<HttpClientResponse> send(
      HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(method)
            .setURI(basePath + pathAndQuery)
            .setHeaders(headers)
            .setFollowRedirects(false);
    return Uni.createFrom()
        .completionStage(
            () ->
                client
                    .request(request)
                    .compose(r -> body == null ? r.send() : r.send(body))
                    .map(
                        response -> {
                          response.pause();
                          return response;
                        })
                    .toCompletionStage());
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
