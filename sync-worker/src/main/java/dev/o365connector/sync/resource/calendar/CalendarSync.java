package dev.o365connector.sync.resource.calendar;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.contracts.sync.CalendarWindow;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeEventPublisher;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.delta.DeltaLoop;
import dev.o365connector.sync.delta.DeltaRound;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.delta.ItemChanges;
import dev.o365connector.sync.delta.Listing;
import dev.o365connector.sync.delta.PageHandler;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.delta.SyncUnit;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.listing.ListedObjectStore;
import dev.o365connector.sync.listing.ListedObjectStore.ListingScope;
import dev.o365connector.sync.metrics.SyncMetrics;
import dev.o365connector.sync.owner.Owner;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's calendar: calendar groups and their calendars are listed (Graph has no delta for them)
 * and diffed against the last listing; then the primary calendar's events through {@code
 * calendarView/delta} over the configured window.
 */
@ApplicationScoped
public class CalendarSync {

  private static final String CALENDAR = Resource.CALENDAR.value();

  private final DeltaRound rounds;
  private final GatewayClient gateway;
  private final ChangeEventPublisher publisher;
  private final ListedObjectStore listed;
  private final SyncMetrics metrics;
  private final SyncConfig config;
  private final Clock clock;

  CalendarSync(
      DeltaRound rounds,
      GatewayClient gateway,
      ChangeEventPublisher publisher,
      ListedObjectStore listed,
      SyncMetrics metrics,
      SyncConfig config,
      Clock clock) {
    this.rounds = rounds;
    this.gateway = gateway;
    this.publisher = publisher;
    this.listed = listed;
    this.metrics = metrics;
    this.config = config;
    this.clock = clock;
  }

  /** The unit syncing {@code owner}'s calendar over {@code window} (null: the configured one). */
  public SyncUnit unit(Owner owner, ChangeScope changes, CalendarWindow window) {
    ChangeScope calendar = changes.forOwner(owner.id());
    return (full, counts) ->
        calendars(owner, calendar, full, counts)
            .flatMap(
                primary ->
                    primary.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : rounds
                            .run(view(owner, calendar, primary.get(), window), full)
                            .invoke(counts::add)
                            .replaceWithVoid());
  }

  private DeltaScope view(
      Owner owner, ChangeScope calendar, String primary, CalendarWindow window) {
    return new DeltaScope(
        ObjectType.EVENT,
        new CursorScope(calendar.installationId(), CALENDAR, owner.id(), ""),
        calendar,
        owner.base()
            + "/calendarView/delta?"
            + CalendarWindowAnchor.query(config.calendar(), window, clock),
        true,
        PageHandler.perItem(
            // An event moved out of the window is @removed too: a DELETE, as the window is the
            // scope.
            (scope, event) -> ItemChanges.of(scope, ObjectType.EVENT, primary, event)));
  }

  /**
   * Lists groups and calendars, publishes what changed since the last listing (everything on FULL)
   * and stores the listing; the primary calendar's id, empty for a user without a mailbox.
   */
  private Uni<Optional<String>> calendars(
      Owner owner, ChangeScope calendar, boolean full, RoundCounts counts) {
    return list(owner.base() + "/calendarGroups")
        .flatMap(
            groups -> {
              counts.requests(groups.requests());
              List<ChangeEvent> groupUpserts =
                  groups.items().stream()
                      .map(
                          group ->
                              ChangeEvent.upsert(
                                  calendar,
                                  ObjectType.CALENDAR_GROUP,
                                  group.path("id").asText(),
                                  null,
                                  group))
                      .toList();
              return Multi.createFrom()
                  .iterable(groupUpserts)
                  .onItem()
                  .transformToUniAndConcatenate(
                      group -> groupCalendars(owner, calendar, group.data().objectId(), counts))
                  .collect()
                  .asList()
                  .map(lists -> lists.stream().flatMap(List::stream).toList())
                  .flatMap(
                      calendarUpserts ->
                          diff(calendar, full, counts, ObjectType.CALENDAR_GROUP, groupUpserts)
                              .flatMap(
                                  x ->
                                      diff(
                                          calendar,
                                          full,
                                          counts,
                                          ObjectType.CALENDAR,
                                          calendarUpserts))
                              .replaceWith(primary(calendarUpserts)));
            })
        .onFailure(GraphFailure::noService)
        .recoverWithItem(
            e -> {
              counts.skippedOwner();
              return Optional.empty();
            });
  }

  private Uni<List<ChangeEvent>> groupCalendars(
      Owner owner, ChangeScope calendar, String groupId, RoundCounts counts) {
    return list(owner.base() + "/calendarGroups/" + groupId + "/calendars")
        .map(
            calendars -> {
              counts.requests(calendars.requests());
              return calendars.items().stream()
                  .map(
                      c ->
                          ChangeEvent.upsert(
                              calendar, ObjectType.CALENDAR, c.path("id").asText(), groupId, c))
                  .toList();
            });
  }

  /**
   * Publishes the listed objects that are new or changed (all of them on FULL) and DELETEs for
   * those no longer listed, then stores the listing. An UPSERT's event id stands for the object's
   * version: it is derived from it.
   */
  private Uni<Void> diff(
      ChangeScope calendar,
      boolean full,
      RoundCounts counts,
      ObjectType type,
      List<ChangeEvent> upserts) {
    ListingScope listing =
        new ListingScope(calendar.installationId(), CALENDAR, calendar.ownerId(), type.value());
    return listed
        .find(listing)
        .flatMap(
            before -> {
              Map<String, String> now = new LinkedHashMap<>();
              List<ChangeEvent> changes = new ArrayList<>();
              for (ChangeEvent upsert : upserts) {
                now.put(upsert.data().objectId(), upsert.id());
                if (full || !upsert.id().equals(before.get(upsert.data().objectId()))) {
                  changes.add(upsert);
                }
              }
              before.keySet().stream()
                  .filter(id -> !now.containsKey(id))
                  .sorted()
                  .forEach(
                      id -> changes.add(ChangeEvent.delete(calendar, type, id, null, "deleted")));
              return publisher
                  .publish(changes)
                  .invoke(
                      () -> {
                        long[] ops = counts.changes(changes);
                        metrics.items(Resource.CALENDAR, ops[0], ops[1]);
                      })
                  .flatMap(x -> listed.replace(listing, now));
            });
  }

  /** Every item of an Outlook listing (immutable ids, as everywhere in Outlook). */
  private Uni<Listing> list(String url) {
    return DeltaLoop.list(link -> gateway.page(link, true), url);
  }

  /** The default calendar (whose events calendarView shows), else the first one. */
  private static Optional<String> primary(List<ChangeEvent> calendars) {
    return calendars.stream()
        .filter(c -> c.data().data().path("isDefaultCalendar").asBoolean(false))
        .findFirst()
        .or(() -> calendars.stream().findFirst())
        .map(c -> c.data().objectId());
  }
}
