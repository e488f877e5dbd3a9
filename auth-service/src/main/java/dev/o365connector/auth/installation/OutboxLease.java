package dev.o365connector.auth.installation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The {@code installation-outbox} row of {@code job_lease}: whoever moves its expiry forward while
 * it lies in the past (or while holding it) relays; a dead holder's lease simply runs out. Times
 * are the database's, so replicas with skewed clocks still agree.
 */
@ApplicationScoped
class OutboxLease {

  static final String NAME = "installation-outbox";

  /** Short, so a replica that died holding it delays events by seconds, not minutes. */
  static final Duration DURATION = Duration.ofSeconds(30);

  private final String owner = UUID.randomUUID().toString();

  /** True when this replica now holds the lease, for {@link #DURATION} from now. */
  Uni<Boolean> acquire() {
    return execute(
            "update job_lease set owner = :owner, expires_at = now() + make_interval(secs => "
                + DURATION.toSeconds()
                + ") where name = :name and (expires_at < now() or owner = :owner)")
        .map(updated -> updated == 1);
  }

  /** Lets any replica take over at once, e.g. the next nudged one. */
  Uni<Void> release() {
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
                            .setParameter("name", NAME)
                            .executeUpdate()));
  }
}
