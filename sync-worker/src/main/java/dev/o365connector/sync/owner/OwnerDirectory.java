package dev.o365connector.sync.owner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.cursor.CursorStore;
import dev.o365connector.sync.cursor.CursorStore.Cursor;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.cursor.SyncStateRemoval;
import dev.o365connector.sync.delta.DeltaLoop;
import dev.o365connector.sync.delta.DeltaPage;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphGone;
import dev.o365connector.sync.listing.ListedObjectStore;
import dev.o365connector.sync.listing.ListedObjectStore.ListingScope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Every user of an APPLICATION installation's tenant, kept with Graph's own delta ({@code
 * /users/delta?$select=id}) instead of listing {@code /users} every run: with nobody joining or
 * leaving, one request. The ids live in {@code listed_object} (resource {@code users}, owner '',
 * type {@code owner}); the position in {@code sync_cursor} (resource {@code users}, owner '',
 * container {@code owners}), apart from the users resource's own cursor (container ''). It
 * publishes nothing (the users resource reports users), so a resync needs no markers.
 *
 * <p>A round that continues a stored link applies each page (joiners added; leavers' mailbox,
 * calendar and drive state dropped, then the leavers removed) before storing the page's link: a
 * crash replays the page, and every step is idempotent. A fresh round (no cursor, or a 410) reads
 * the whole directory and then replaces the set with it, dropping the state of users it no longer
 * holds; it stores no nextLinks, so a crash starts it over.
 */
@ApplicationScoped
public class OwnerDirectory {

  private static final Logger LOG = Logger.getLogger(OwnerDirectory.class);
  static final String RESOURCE = Resource.USERS.value();
  static final String CONTAINER = "owners";
  private static final String MEMBER = "owner";

  private final GatewayClient gateway;
  private final CursorStore cursors;
  private final ListedObjectStore listed;
  private final SyncStateRemoval state;

  OwnerDirectory(
      GatewayClient gateway,
      CursorStore cursors,
      ListedObjectStore listed,
      SyncStateRemoval state) {
    this.gateway = gateway;
    this.cursors = cursors;
    this.listed = listed;
    this.state = state;
  }

  /** Brings the directory up to date for run {@code requestId}; the tenant's user ids. */
  public Uni<OwnerIds> follow(String installationId, String requestId) {
    Round round =
        new Round(
            new CursorScope(installationId, RESOURCE, "", CONTAINER),
            new ListingScope(installationId, RESOURCE, "", MEMBER),
            gateway.installationBase(installationId) + "/users/delta?$select=id",
            requestId,
            new AtomicInteger());
    return cursors
        .find(round.cursor())
        .flatMap(
            stored ->
                stored.isPresent() && round.start().equals(stored.get().startUrl())
                    ? changes(round, stored.get().link())
                        .onFailure(GraphGone.class)
                        .recoverWithUni(
                            gone -> {
                              LOG.infof(
                                  "Owner directory of %s starts over: %s",
                                  installationId, gone.getMessage());
                              return fresh(round);
                            })
                    : fresh(round))
        .flatMap(x -> listed.find(round.members()))
        .map(ids -> new OwnerIds(ids.keySet().stream().sorted().toList(), round.requests().get()));
  }

  /** Continues a round from {@code url}, page by page. */
  private Uni<Void> changes(Round round, String url) {
    return DeltaLoop.follow(
            link -> page(round, link),
            url,
            page -> {
              Map<String, Boolean> present = presence(page);
              List<String> joined = ids(present, true);
              List<String> left = ids(present, false);
              return forget(round, left)
                  .flatMap(x -> listed.add(round.members(), joined))
                  .flatMap(x -> save(round, page.link(), page.last()));
            })
        .replaceWithVoid();
  }

  /** A round from the start: the set becomes exactly what it returns. */
  private Uni<Void> fresh(Round round) {
    Map<String, Boolean> present = new LinkedHashMap<>();
    return DeltaLoop.follow(
            link -> page(round, link),
            round.start(),
            page -> {
              present.putAll(presence(page));
              return Uni.createFrom().voidItem();
            })
        .flatMap(
            deltaLink -> {
              Set<String> now = new HashSet<>(ids(present, true));
              return listed
                  .find(round.members())
                  .flatMap(
                      before ->
                          forget(
                              round,
                              before.keySet().stream().filter(id -> !now.contains(id)).toList()))
                  .flatMap(x -> listed.keepOnly(round.members(), now))
                  .flatMap(x -> save(round, deltaLink, true));
            });
  }

  /**
   * Drops the mailbox, calendar and drive state of users who left, then removes them from the set:
   * in that order, so a crash in between leaves them in the set and the replay drops it again.
   */
  private Uni<Void> forget(Round round, Collection<String> left) {
    if (left.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(left)
        .onItem()
        .transformToUniAndConcatenate(id -> state.owner(round.installationId(), id))
        .collect()
        .last()
        .flatMap(x -> listed.remove(round.members(), left));
  }

  private Uni<JsonNode> page(Round round, String url) {
    return Uni.createFrom()
        .deferred(
            () -> {
              round.requests().incrementAndGet(); // a 410 was a request too
              return gateway.page(url, false);
            });
  }

  private Uni<Void> save(Round round, String link, boolean complete) {
    // Two runs following the same link store the same kind of link: the last writer wins.
    return cursors.save(
        round.cursor(), new Cursor(link, complete, round.requestId(), round.start()));
  }

  /** Each user of the page, present or {@code @removed}; a user seen twice: the last one counts. */
  private static Map<String, Boolean> presence(DeltaPage page) {
    Map<String, Boolean> present = new LinkedHashMap<>();
    for (JsonNode user : page.items()) {
      String id = user.path("id").asText();
      if (id.isEmpty()) {
        continue;
      }
      present.remove(id);
      present.put(id, !user.has("@removed"));
    }
    return present;
  }

  private static List<String> ids(Map<String, Boolean> present, boolean wanted) {
    return present.entrySet().stream()
        .filter(e -> e.getValue() == wanted)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * One call of {@link #follow}: where its cursor and its set of ids are, where it starts, what it
   * asked Graph.
   */
  private record Round(
      CursorScope cursor,
      ListingScope members,
      String start,
      String requestId,
      AtomicInteger requests) {
    String installationId() {
      return cursor.installationId();
    }
  }
}
