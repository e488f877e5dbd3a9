package dev.o365connector.sync.delta;

import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.sync.change.ChangeEvent;
import java.util.List;

/** Tallies of one resource's work in a run; mutable, used by one round at a time. */
public final class RoundCounts {

  private long upserts;
  private long deletes;
  private long pages;
  private long graphRequests;
  private long skippedOwners;
  private boolean resync;

  /** Counts one page; its upserts and deletes, for the metrics. */
  long[] page(List<ChangeEvent> events) {
    pages++;
    graphRequests++;
    long[] ops = new long[2];
    for (ChangeEvent event : events) {
      if (event.data().op() == ChangeOp.UPSERT) {
        ops[0]++;
      } else if (event.data().op() == ChangeOp.DELETE) {
        ops[1]++;
      }
    }
    upserts += ops[0];
    deletes += ops[1];
    return ops;
  }

  void skippedOwner() {
    skippedOwners++;
    graphRequests++;
  }

  void resynced() {
    resync = true;
  }

  public boolean resync() {
    return resync;
  }

  public void add(RoundCounts other) {
    upserts += other.upserts;
    deletes += other.deletes;
    pages += other.pages;
    graphRequests += other.graphRequests;
    skippedOwners += other.skippedOwners;
    resync |= other.resync;
  }

  public ResourceCounts snapshot() {
    return new ResourceCounts(upserts, deletes, pages, graphRequests, skippedOwners);
  }
}
