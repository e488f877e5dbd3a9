package dev.o365connector.sync.delta;

import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeEventPublisher;
import dev.o365connector.sync.cursor.CursorStore;
import dev.o365connector.sync.cursor.CursorStore.Cursor;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.graph.GraphGone;
import dev.o365connector.sync.metrics.SyncMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings one delta scope up to date: from its stored link (or a fresh start) it follows nextLinks
 * to the deltaLink ({@link DeltaLoop}). For every page the change events are published and
 * acknowledged before the page's link is stored, so a crash at any point resumes from the last
 * stored page and loses nothing (replayed events carry the same ids). A 410, or a scope whose start
 * URL changed (a re-anchored calendar window), drops the cursor and runs a full round bracketed by
 * resync markers.
 */
@ApplicationScoped
public class DeltaRound {

  private static final Logger LOG = Logger.getLogger(DeltaRound.class);
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
              if (usable.isPresent() && reanchored(usable.get(), scope)) {
                return resync(scope, counts, "its start changed to " + scope.startUrl());
              }
              return follow(scope, usable.map(Cursor::link).orElse(scope.startUrl()), counts);
            })
        .onFailure(GraphGone.class)
        .recoverWithUni(gone -> resync(scope, counts, gone.getMessage()))
        .onFailure(GraphFailure::noService)
        .recoverWithItem(
            e -> {
              // A user without a mailbox or drive: nothing to sync, counted, not a failure.
              LOG.debugf(
                  "Skipped %s of %s: %s",
                  scope.objectType().value(), scope.cursor().owner(), e.getMessage());
              counts.skippedOwner();
              return null;
            })
        .replaceWith(counts);
  }

  /** Cursors from before start URLs were stored (null) continue as they are. */
  private static boolean reanchored(Cursor cursor, DeltaScope scope) {
    return cursor.startUrl() != null && !cursor.startUrl().equals(scope.startUrl());
  }

  private Uni<Void> resync(DeltaScope scope, RoundCounts counts, String why) {
    LOG.infof("Resync of %s for %s: %s", scope.objectType().value(), scope.cursor(), why);
    counts.resynced();
    metrics.resync(scope.objectType().resource());
    DeltaScope resyncing = scope.resyncing();
    return cursors
        .delete(scope.cursor())
        .flatMap(x -> publisher.publish(List.of(marker(resyncing, true))))
        .flatMap(x -> follow(resyncing, scope.startUrl(), counts))
        .flatMap(x -> publisher.publish(List.of(marker(resyncing, false))));
  }

  private static ChangeEvent marker(DeltaScope scope, boolean started) {
    String container = scope.cursor().container();
    return ChangeEvent.resyncMarker(
        scope.changes(),
        scope.objectType(),
        container == null || container.isEmpty() ? null : container,
        started);
  }

  private Uni<Void> follow(DeltaScope scope, String url, RoundCounts counts) {
    return DeltaLoop.follow(
            link -> gateway.page(link, scope.immutableIds()),
            url,
            page -> published(scope, page, counts))
        .replaceWithVoid();
  }

  /** A page's events published and acked, its bookkeeping done, then its link stored. */
  private Uni<Void> published(DeltaScope scope, DeltaPage page, RoundCounts counts) {
    return scope
        .handler()
        .events(scope.changes(), page.body())
        .call(publisher::publish)
        .call(events -> scope.handler().published(events))
        .call(
            x ->
                cursors.save(
                    scope.cursor(),
                    new Cursor(
                        page.link(),
                        page.last(),
                        scope.changes().syncRequestId(),
                        scope.startUrl())))
        .invoke(
            events -> {
              long[] ops = counts.page(events);
              metrics.page(scope.objectType().resource(), ops[0], ops[1]);
            })
        .replaceWithVoid();
  }
}
