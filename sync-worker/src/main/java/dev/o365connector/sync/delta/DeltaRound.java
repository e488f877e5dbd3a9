package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeEventPublisher;
import dev.o365connector.sync.cursor.CursorStore;
import dev.o365connector.sync.cursor.CursorStore.Cursor;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.graph.GraphGone;
import dev.o365connector.sync.run.SyncMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Brings one delta scope up to date: from its stored link (or a fresh start) it follows nextLinks
 * to the deltaLink. For every page the change events are published and acknowledged before the
 * page's link is stored, so a crash at any point resumes from the last stored page and loses
 * nothing (replayed events carry the same ids). A 410 drops the cursor and runs a full round
 * bracketed by resync markers.
 */
@ApplicationScoped
public class DeltaRound {

  private static final Logger LOG = Logger.getLogger(DeltaRound.class);
  private static final Set<String> NO_SERVICE =
      Set.of("MailboxNotEnabledForRESTAPI", "ResourceNotFound");

  private final GatewayClient gateway;
  private final CursorStore cursors;
  private final ChangeEventPublisher publisher;
  private final SyncMetrics metrics;

  DeltaRound(
      GatewayClient gateway,
      CursorStore cursors,
      ChangeEventPublisher publisher,
      SyncMetrics metrics) {
    this.gateway = gateway;
    this.cursors = cursors;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /**
   * Runs the scope to its deltaLink. INCREMENTAL ({@code full} false) continues from whatever link
   * is stored. FULL reads the whole scope once per run: it continues only a link this same run
   * stored (so a FULL run resumed after a crash skips the scopes it finished and picks up the one
   * it was in), and starts over otherwise.
   */
  public Uni<RoundCounts> run(DeltaScope scope, boolean full) {
    RoundCounts counts = new RoundCounts();
    String runId = scope.changes().syncRequestId();
    return cursors
        .find(scope.cursor())
        .flatMap(
            stored -> {
              Optional<Cursor> ours = stored.filter(c -> runId.equals(c.requestId()));
              if (full && ours.isPresent() && ours.get().complete()) {
                return Uni.createFrom().voidItem(); // this run already finished the scope
              }
              Optional<Cursor> usable = full ? ours : stored;
              return follow(
                  scope, usable.map(Cursor::link).orElse(scope.startUrl()), false, counts);
            })
        .onFailure(GraphGone.class)
        .recoverWithUni(gone -> resync(scope, counts, gone))
        .onFailure(DeltaRound::noService)
        .recoverWithItem(
            e -> {
              // A user without a mailbox or drive: nothing to sync, counted, not a failure.
              LOG.debugf(
                  "Skipped %s of %s: %s", scope.resource(), scope.cursor().owner(), e.getMessage());
              counts.skippedOwner();
              return null;
            })
        .replaceWith(counts);
  }

  private Uni<Void> resync(DeltaScope scope, RoundCounts counts, Throwable gone) {
    LOG.infof("Resync of %s for %s: %s", scope.resource(), scope.cursor(), gone.getMessage());
    counts.resynced();
    metrics.resync(scope.resource());
    DeltaScope resyncing =
        new DeltaScope(
            scope.resource(),
            scope.cursor(),
            scope.changes().resyncing(),
            scope.startUrl(),
            scope.immutableIds(),
            scope.toEvents());
    return cursors
        .delete(scope.cursor())
        .flatMap(
            x ->
                publisher.publish(
                    List.of(ChangeEvent.resyncMarker(resyncing.changes(), scope.resource(), true))))
        .flatMap(x -> follow(resyncing, scope.startUrl(), true, counts))
        .flatMap(
            x ->
                publisher.publish(
                    List.of(
                        ChangeEvent.resyncMarker(resyncing.changes(), scope.resource(), false))));
  }

  private Uni<Void> follow(DeltaScope scope, String url, boolean resyncing, RoundCounts counts) {
    return gateway
        .page(url, scope.immutableIds())
        .flatMap(
            page -> {
              List<ChangeEvent> events = events(scope, page);
              String next = page.path("@odata.nextLink").asText(null);
              String delta = page.path("@odata.deltaLink").asText(null);
              if (next == null && delta == null) {
                return Uni.createFrom()
                    .failure(
                        new IllegalStateException("a delta page without nextLink or deltaLink"));
              }
              return publisher
                  .publish(events)
                  .flatMap(
                      x ->
                          cursors.save(
                              scope.cursor(),
                              new Cursor(
                                  next != null ? next : delta,
                                  next == null,
                                  scope.changes().syncRequestId())))
                  .invoke(
                      () -> {
                        long[] ops = counts.page(events);
                        metrics.page(scope.resource(), ops[0], ops[1]);
                      })
                  .flatMap(
                      x ->
                          next == null
                              ? Uni.createFrom().voidItem()
                              : follow(scope, next, resyncing, counts));
            });
  }

  /** Graph's answers for a user who has no mailbox or no drive. */
  private static boolean noService(Throwable e) {
    return e instanceof GraphFailure failure
        && failure.status() == 404
        && NO_SERVICE.contains(failure.code());
  }

  private static List<ChangeEvent> events(DeltaScope scope, JsonNode page) {
    List<ChangeEvent> events = new ArrayList<>();
    for (JsonNode item : page.path("value")) {
      events.addAll(scope.toEvents().apply(scope.changes(), item));
    }
    return events;
  }
}
