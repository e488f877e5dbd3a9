package dev.o365connector.contracts.sync;

/** How much a sync fetches: changes since the stored cursors, or everything again. */
public enum SyncMode {
  INCREMENTAL,
  FULL
}
