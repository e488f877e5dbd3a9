package dev.o365connector.auth.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The rows of {@code installation_outbox}; only the outbox and its relay touch them. */
@ApplicationScoped
class OutboxEntryRepository implements PanacheRepositoryBase<OutboxEntry, Long> {

  /** The first {@code limit} rows in outbox order. */
  Uni<List<OutboxEntry>> oldest(int limit) {
    return find("order by id").page(0, limit).list();
  }

  /** Deletes rows whose events Kafka has acknowledged. */
  Uni<Long> deleteSent(List<Long> ids) {
    return delete("id in ?1", ids);
  }

  /** How many rows wait, and since when (null when none). */
  Uni<Backlog> backlog() {
    return getSession()
        .flatMap(
            session ->
                session
                    .createSelectionQuery(
                        "select count(*), min(e.createdAt) from OutboxEntry e", Object[].class)
                    .getSingleResult())
        .map(row -> new Backlog((Long) row[0], (Instant) row[1]));
  }

  record Backlog(long pending, Instant oldest) {}
}
