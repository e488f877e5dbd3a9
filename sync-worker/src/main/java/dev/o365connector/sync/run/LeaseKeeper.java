package dev.o365connector.sync.run;

import dev.o365connector.sync.config.SyncConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Keeps a run's lease while this replica works on it: renewed every third of the lease, so another
 * replica only takes over a run whose holder stopped.
 */
@ApplicationScoped
class LeaseKeeper {

  private final Vertx vertx;
  private final RunClaims claims;
  private final long renewEveryMillis;

  LeaseKeeper(Vertx vertx, RunClaims claims, SyncConfig config) {
    this.vertx = vertx;
    this.claims = claims;
    this.renewEveryMillis = Math.max(1000, config.lease().toMillis() / 3);
  }

  /** {@code work}, with the lease of run {@code requestId} renewed until it ends. */
  <T> Uni<T> renewedDuring(String requestId, Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              long renewal =
                  vertx.setPeriodic(
                      renewEveryMillis,
                      id -> claims.renew(requestId).subscribe().with(held -> {}, e -> {}));
              return Uni.createFrom()
                  .deferred(work::get)
                  .onTermination()
                  .invoke(() -> vertx.cancelTimer(renewal));
            });
  }
}
