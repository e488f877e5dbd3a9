package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.status.StatusPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A run's RUNNING statuses: one as its work starts, then every 5 s with what is done so far. */
@ApplicationScoped
class ProgressReporter {

  static final Duration EVERY = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final StatusPublisher status;

  ProgressReporter(Vertx vertx, StatusPublisher status) {
    this.vertx = vertx;
    this.status = status;
  }

  /**
   * {@code work}, reported while it runs: it adds to the counts per resource it is handed, which
   * every RUNNING after the first carries.
   */
  <T> Uni<T> reported(ClaimedRun run, Function<Map<Resource, RoundCounts>, Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Map<Resource, RoundCounts> progress = new ConcurrentHashMap<>();
              long reporting =
                  vertx.setPeriodic(
                      EVERY.toMillis(),
                      id ->
                          status
                              .running(run.ref(), snapshot(progress))
                              .subscribe()
                              .with(x -> {}, e -> {}));
              return status
                  .running(run.ref(), Map.of())
                  .flatMap(x -> work.apply(progress))
                  .onTermination()
                  .invoke(() -> vertx.cancelTimer(reporting));
            });
  }

  private static Map<Resource, ResourceCounts> snapshot(Map<Resource, RoundCounts> progress) {
    Map<Resource, ResourceCounts> counts = new EnumMap<>(Resource.class);
    progress.forEach((resource, done) -> counts.put(resource, done.snapshot()));
    return counts;
  }
}
