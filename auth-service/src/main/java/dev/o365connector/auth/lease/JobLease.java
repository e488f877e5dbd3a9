package dev.o365connector.auth.lease;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;

/**
 * A row of {@code job_lease}, for jobs that must run on one replica at a time: whoever moves its
 * expiry forward while it lies in the past (or while holding it) runs the job; a dead holder's
 * lease simply runs out. Times are the database's, so replicas with skewed clocks still agree.
 */
public final class JobLease {

  private final String name;
  private final Duration duration;
  private final String owner = UUID.randomUUID().toString();

  /** The lease {@code name} (a row of V4/V5), held for {@code duration} once taken. */
  public JobLease(String name, Duration duration) {
    this.name = name;
    this.duration = duration;
  }

  /** True when this replica now holds the lease, for its duration from now. */
  public Uni<Boolean> acquire() {
    return execute(
            "update job_lease set owner = :owner, expires_at = now() + make_interval(secs => "
                + duration.toSeconds()
                + ") where name = :name and (expires_at < now() or owner = :owner)")
        .map(updated -> updated == 1);
  }

  /** Lets any replica take over at once. */
  public Uni<Void> release() {
    return execute(
            "update job_lease set expires_at = '-infinity' where name = :name and owner = :owner")
        .replaceWithVoid();
  }

  private Uni<Integer> execute(String sql) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .flatMap(
                    session ->
                        session
                            .createNativeQuery(sql)
                            .setParameter("owner", owner)
                            .setParameter("name", name)
                            .executeUpdate()));
  }
}
