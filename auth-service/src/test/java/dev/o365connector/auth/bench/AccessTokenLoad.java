package dev.o365connector.auth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (not a test): a constant request rate against {@code POST
 * /installations/{id}/access-token}, latency measured from each request's scheduled send time so a
 * stall is not hidden (no coordinated omission). Run by {@code bench/access-token.sh}.
 *
 * <p>Arguments: base URL, installation id, bearer token, requests per second, seconds (after a
 * warm-up of the same length as a fifth of it).
 */
public final class AccessTokenLoad {

  private AccessTokenLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[0] + "/installations/" + args[1] + "/access-token";
    String token = args[2];
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .timeout(Duration.ofSeconds(10))
            .build();
    run(client, request, rate, Math.max(2, seconds / 5), null);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = run(client, request, rate, seconds, latencies);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "rate=%d/s seconds=%d requests=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        rate,
        seconds,
        sorted.size(),
        errors.get(),
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
  }

  private static AtomicInteger run(
      HttpClient client, HttpRequest request, int rate, int seconds, List<Long> latencies)
      throws InterruptedException {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / rate;
    int total = rate * seconds;
    AtomicInteger sent = new AtomicInteger();
    ticker.scheduleAtFixedRate(
        () -> {
          long due = start + sent.get() * intervalNanos;
          // Catch up on every request that is due, each timed from when it should have left.
          while (sent.get() < total && due <= System.nanoTime()) {
            long scheduled = due;
            sent.incrementAndGet();
            inFlight.add(
                client
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (response, failure) -> {
                          if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                          } else if (latencies != null) {
                            latencies.add(System.nanoTime() - scheduled);
                          }
                        }));
            due = start + sent.get() * intervalNanos;
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    while (sent.get() < total) {
      Thread.sleep(50);
    }
    ticker.shutdown();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    return errors;
  }

  private static double ms(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1))
        / 1e6;
  }
}
