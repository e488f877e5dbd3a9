package dev.o365connector.sync.resource.users;

import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.cursor.SyncStateRemoval;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A user who left the tenant (a user DELETE) takes their mailbox, calendar and drive cursors with
 * them; consumers drop what they hold with that {@code ownerId} (docs/events.md).
 */
@ApplicationScoped
public class DepartedUsers {

  private final SyncStateRemoval state;

  DepartedUsers(SyncStateRemoval state) {
    this.state = state;
  }

  /** Forgets the sync state of every user deleted in {@code events}. */
  public Uni<Void> forget(List<ChangeEvent> events) {
    return Multi.createFrom()
        .iterable(events)
        .select()
        .where(event -> event.data().op() == ChangeOp.DELETE)
        .onItem()
        .transformToUniAndConcatenate(
            event -> state.owner(event.data().installationId(), event.data().objectId()))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
