package dev.o365connector.sync.owner;

import dev.o365connector.sync.delta.RoundCounts;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The owners of one run, found once however many of its resources (mail, calendar, files) ask: the
 * first to ask waits for them (and is charged the Graph requests it took), the others reuse them.
 */
public final class RunOwners {

  private final Uni<OwnerIds> ids;
  private final Function<String, Owner> owner;
  private final AtomicBoolean charged = new AtomicBoolean();

  RunOwners(Uni<OwnerIds> ids, Function<String, Owner> owner) {
    // A failure is remembered too: the run's other resources fail with it instead of asking again.
    this.ids = ids.memoize().indefinitely();
    this.owner = owner;
  }

  /** The owners; their Graph requests are added to {@code counts} of the first resource asking. */
  public Uni<List<Owner>> list(RoundCounts counts) {
    return ids.invoke(
            found -> {
              if (charged.compareAndSet(false, true)) {
                counts.requests(found.graphRequests());
              }
            })
        .map(found -> found.ids().stream().map(owner).toList());
  }
}
