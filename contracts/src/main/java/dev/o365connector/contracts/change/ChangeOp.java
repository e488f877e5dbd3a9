package dev.o365connector.contracts.change;

/** What happened to the object: created or updated, or removed. */
public enum ChangeOp {
  UPSERT,
  DELETE
}
