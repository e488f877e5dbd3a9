package dev.o365connector.sync.delta;

import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.sync.change.ChangeEvent;
import java.util.List;

/**
 * Tallies of one resource's work in a run. Owners are synced in parallel, so every method is
 * synchronized.
 */
public final class RoundCounts {

  private long upserts;
  private long deletes;
  private long pages;
  private long graphRequests;
  private long skippedOwners;
  private boolean resync;

  /** Counts one delta page; its upserts and deletes, for the metrics. */
  synchronized long[] page(List<ChangeEvent> events) {
    pages++;
    graphRequests++;
    return changes(events);
  }

  /** Counts published changes that came from no delta page (a diffed listing); upserts, deletes. */
  public synchronized long[] changes(List<ChangeEvent> events) {
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

  /** Counts Graph requests besides delta pages (listings, lookups). */
  public synchronized void requests(int count) {
    graphRequests += count;
  }

  /** A user without a mailbox or drive: one request told us, nothing to sync. */
  public synchronized void skippedOwner() {
    skippedOwners++;
    graphRequests++;
  }

  synchronized void resynced() {
    resync = true;
  }

  public synchronized boolean resync() {
    return resync;
  }

  /** Whether an owner was skipped for having no mailbox or drive. */
  public synchronized boolean skipped() {
    return skippedOwners > 0;
  }

  public void add(RoundCounts other) {
    ResourceCounts theirs = other.snapshot();
    boolean theirResync = other.resync();
    synchronized (this) {
      upserts += theirs.upserts();
      deletes += theirs.deletes();
      pages += theirs.pages();
      graphRequests += theirs.graphRequests();
      skippedOwners += theirs.skippedOwners();
      resync |= theirResync;
    }
  }

  public synchronized ResourceCounts snapshot() {
    return new ResourceCounts(upserts, deletes, pages, graphRequests, skippedOwners);
  }
}
