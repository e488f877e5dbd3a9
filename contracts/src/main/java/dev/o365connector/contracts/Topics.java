package dev.o365connector.contracts;

import java.util.List;

/** Default Kafka topic names; services may override them in configuration. */
public final class Topics {

  /** SyncRequest JSON, keyed by installationId. */
  public static final String SYNC_REQUESTS = "o365.sync.requests";

  /** Sync requests the worker could not accept: original key and bytes, reason in headers. */
  public static final String SYNC_REQUESTS_DLQ = "o365.sync.requests.dlq";

  /** SyncStatus JSON, keyed by installationId. */
  public static final String SYNC_STATUS = "o365.sync.status";

  /** InstallationEvent JSON, keyed by installationId. */
  public static final String INSTALLATIONS = "o365.installations";

  /** User change events, keyed by {@code installationId|objectId}. */
  public static final String CHANGES_USERS = "o365.changes.users";

  /** Mail change events, keyed by {@code installationId|objectId}. */
  public static final String CHANGES_MAIL = "o365.changes.mail";

  /** Calendar change events, keyed by {@code installationId|objectId}. */
  public static final String CHANGES_CALENDAR = "o365.changes.calendar";

  /** File change events, keyed by {@code installationId|objectId}. */
  public static final String CHANGES_FILES = "o365.changes.files";

  /** Every default topic, for provisioning them ahead of the services. */
  public static final List<String> ALL =
      List.of(
          SYNC_REQUESTS,
          SYNC_REQUESTS_DLQ,
          SYNC_STATUS,
          INSTALLATIONS,
          CHANGES_USERS,
          CHANGES_MAIL,
          CHANGES_CALENDAR,
          CHANGES_FILES);

  private Topics() {}

  /** The default change topic of {@code resource}. */
  public static String changes(Resource resource) {
    return switch (resource) {
      case USERS -> CHANGES_USERS;
      case MAIL -> CHANGES_MAIL;
      case CALENDAR -> CHANGES_CALENDAR;
      case FILES -> CHANGES_FILES;
    };
  }
}
