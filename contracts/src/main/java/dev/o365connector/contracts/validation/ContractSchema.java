package dev.o365connector.contracts.validation;

import dev.o365connector.contracts.change.ChangeEventData;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncStatus;

/** A contract payload: its JSON Schema on the classpath and the record it maps to. */
public enum ContractSchema {
  SYNC_REQUEST("sync-request.schema.json", SyncRequest.class),
  SYNC_STATUS("sync-status.schema.json", SyncStatus.class),
  INSTALLATION_EVENT("installation-event.schema.json", InstallationEvent.class),
  CHANGE_EVENT_DATA("change-event-data.schema.json", ChangeEventData.class);

  private final String fileName;
  private final Class<? extends Record> payloadType;

  ContractSchema(String fileName, Class<? extends Record> payloadType) {
    this.fileName = fileName;
    this.payloadType = payloadType;
  }

  /** The classpath resource holding the schema, for example {@code schemas/sync-request...}. */
  public String resourcePath() {
    return "schemas/" + fileName;
  }

  /** The record a valid payload deserialises to. */
  public Class<? extends Record> payloadType() {
    return payloadType;
  }
}
