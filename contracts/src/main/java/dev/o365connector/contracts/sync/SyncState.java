package dev.o365connector.contracts.sync;

/** Where a sync request stands; SUCCEEDED, FAILED and REJECTED are final. */
public enum SyncState {
  ACCEPTED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  REJECTED;

  /** Whether no further status follows this one for the same request. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == REJECTED;
  }
}
