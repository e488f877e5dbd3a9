package dev.o365connector.auth.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test): a constant request rate against {@code POST
 * /installations/{id}/access-token}, each request's latency measured from its scheduled send time
 * so a stall is not hidden (no coordinated omission). One Vert.x event loop drives it, so the
 * generator itself takes as little of the machine's two cores as possible. Run by {@code
 * bench/access-token.sh}.
 *
 * <p>Arguments: base URL, installation id, bearer token, requests per second, seconds (after a
 * 30-second warm-up at the same rate).
 */
public final class AccessTokenLoad {

  /** Long enough for the JIT to settle on the service's hot path before anything is measured. */
  private static final int WARM_UP_SECONDS = 30;

  private AccessTokenLoad() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String path = "/installations/" + args[1] + "/access-token";
    String token = args[2];
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(32));
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI(path)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/json");
    run(vertx, client, request, rate, WARM_UP_SECONDS);
    Result result = run(vertx, client, request, rate, seconds);
    long[] sorted = result.latencies();
    Arrays.sort(sorted);
    System.out.printf(
        "rate=%d/s seconds=%d requests=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        rate,
        seconds,
        sorted.length,
        result.errors(),
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    vertx.close();
  }

  private record Result(long[] latencies, int errors) {}

  private static Result run(
      Vertx vertx, HttpClient client, RequestOptions request, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    long[] latencies = new long[total];
    int[] counts = new int[3]; // sent, completed, errors: touched on the event loop only
    Buffer body = Buffer.buffer("{}");
    CompletableFuture<Result> done = new CompletableFuture<>();
    vertx.runOnContext(
        start -> {
          long started = System.nanoTime();
          vertx.setPeriodic(
              1,
              timer -> {
                // Send every request that is due, each timed from when it should have left.
                while (counts[0] < total
                    && started + counts[0] * intervalNanos <= System.nanoTime()) {
                  int index = counts[0]++;
                  long scheduled = started + index * intervalNanos;
                  client
                      .request(request)
                      .compose(r -> r.send(body))
                      .compose(response -> response.body().map(response.statusCode()))
                      .onComplete(
                          outcome -> {
                            if (outcome.succeeded() && outcome.result() == 200) {
                              latencies[index] = System.nanoTime() - scheduled;
                            } else {
                              latencies[index] = -1;
                              counts[2]++;
                            }
                            if (++counts[1] == total) {
                              vertx.cancelTimer(timer);
                              done.complete(
                                  new Result(
                                      Arrays.stream(latencies).filter(l -> l >= 0).toArray(),
                                      counts[2]));
                            }
                          });
                }
              });
        });
    return done.get();
  }

  private static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
