package dev.o365connector.sync.resource;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.delta.DeltaRound;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.delta.ItemChanges;
import dev.o365connector.sync.delta.PageHandler;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.delta.SyncUnit;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.owner.Owner;
import dev.o365connector.sync.owner.RunOwners;
import dev.o365connector.sync.resource.calendar.CalendarSync;
import dev.o365connector.sync.resource.files.FileChanges;
import dev.o365connector.sync.resource.mail.MailboxSync;
import dev.o365connector.sync.resource.users.DepartedUsers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * What a resource of an installation consists of. Users are one tenant-wide scope ({@code
 * /users/delta}); mail, calendar and files one unit per owner of the run ({@link RunOwners}).
 */
@ApplicationScoped
public class ResourcePlan {

  private final GatewayClient gateway;
  private final DeltaRound rounds;
  private final MailboxSync mailboxes;
  private final CalendarSync calendars;
  private final DepartedUsers departed;

  ResourcePlan(
      GatewayClient gateway,
      DeltaRound rounds,
      MailboxSync mailboxes,
      CalendarSync calendars,
      DepartedUsers departed) {
    this.gateway = gateway;
    this.rounds = rounds;
    this.mailboxes = mailboxes;
    this.calendars = calendars;
    this.departed = departed;
  }

  /**
   * The units of {@code resource} for one run; finding the run's owners, if this resource is the
   * first to ask, adds its Graph requests to {@code counts}.
   */
  public Uni<List<SyncUnit>> units(
      Resource resource,
      ChangeScope changes,
      SyncRequest request,
      RunOwners owners,
      RoundCounts counts) {
    String installationId = changes.installationId();
    return switch (resource) {
      case USERS ->
          Uni.createFrom()
              .item(
                  List.of(
                      SyncUnit.of(
                          rounds,
                          new DeltaScope(
                              ObjectType.USER,
                              new CursorScope(installationId, resource.value(), "", ""),
                              changes,
                              gateway.installationBase(installationId) + "/users/delta",
                              false,
                              PageHandler.perItem(
                                      (scope, user) ->
                                          ItemChanges.of(scope, ObjectType.USER, null, user))
                                  .whenPublished(departed::forget)))));
      case MAIL -> perOwner(owners, counts, owner -> mailboxes.unit(owner, changes));
      case CALENDAR ->
          perOwner(
              owners, counts, owner -> calendars.unit(owner, changes, request.calendarWindow()));
      case FILES ->
          perOwner(
              owners,
              counts,
              owner ->
                  SyncUnit.of(
                      rounds,
                      new DeltaScope(
                          ObjectType.DRIVE_ITEM,
                          new CursorScope(installationId, resource.value(), owner.id(), ""),
                          changes.forOwner(owner.id()),
                          owner.base() + "/drive/root/delta",
                          false,
                          PageHandler.perItem(FileChanges::of))));
    };
  }

  private static Uni<List<SyncUnit>> perOwner(
      RunOwners owners, RoundCounts counts, Function<Owner, SyncUnit> unit) {
    return owners.list(counts).map(list -> list.stream().map(unit).toList());
  }
}
