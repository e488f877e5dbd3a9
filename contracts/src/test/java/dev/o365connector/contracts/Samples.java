package dev.o365connector.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.change.ChangeEventData;
import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.sync.CalendarWindow;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Records as the services build them: every field set, and only the required ones. */
public final class Samples {

  public static final String REQUEST_ID = "3f1c2a9e-5b7d-4c8e-9a10-2b3c4d5e6f70";
  public static final String INSTALLATION_ID = "inst-7d9f0c2b";
  public static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  public static final String USER_ID = "8a1f2c3d-0000-4e5f-9a8b-7c6d5e4f3a2b";
  public static final Instant T0 = Instant.parse("2025-01-31T09:30:00Z");

  private Samples() {}

  public static SyncRequest fullSyncRequest() {
    return new SyncRequest(
        REQUEST_ID,
        INSTALLATION_ID,
        EnumSet.allOf(Resource.class),
        SyncMode.FULL,
        List.of(USER_ID, "adele.vance@contoso.onmicrosoft.com"),
        new CalendarWindow(0, CalendarWindow.MAX_DAYS));
  }

  public static SyncRequest minimalSyncRequest() {
    return SyncRequest.incremental(REQUEST_ID, INSTALLATION_ID);
  }

  public static SyncStatus failedSyncStatus() {
    return new SyncStatus(
        REQUEST_ID,
        INSTALLATION_ID,
        SyncState.FAILED,
        Map.of(
            Resource.USERS, new ResourceCounts(12, 1, 1, 1, 0),
            Resource.FILES, new ResourceCounts(0, 0, 3, 9, 2)),
        true,
        new SyncError("graph_unavailable", "Graph answered 503 after 5 attempts"),
        T0,
        T0.plusMillis(1_250),
        T0.plusSeconds(70),
        T0.plusSeconds(70));
  }

  public static SyncStatus acceptedSyncStatus() {
    return new SyncStatus(
        REQUEST_ID, INSTALLATION_ID, SyncState.ACCEPTED, null, false, null, T0, null, null, T0);
  }

  public static InstallationEvent activeApplicationInstallation() {
    return new InstallationEvent(
        INSTALLATION_ID,
        "acct-42",
        TENANT_ID,
        InstallationType.APPLICATION,
        InstallationStatus.ACTIVE,
        List.of("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All"),
        "admin consent granted",
        T0,
        null);
  }

  public static InstallationEvent pendingDelegatedInstallation() {
    return new InstallationEvent(
        INSTALLATION_ID,
        "acct-42",
        null,
        InstallationType.DELEGATED,
        InstallationStatus.PENDING,
        null,
        null,
        T0,
        null);
  }

  public static ChangeEventData driveItemUpsert() {
    ObjectNode item = Examples.MAPPER.createObjectNode().put("id", "01BYE5RZ").put("name", "a.txt");
    item.putObject("file").put("mimeType", "text/plain");
    return new ChangeEventData(
        INSTALLATION_ID,
        TENANT_ID,
        Resource.FILES,
        ChangeOp.UPSERT,
        ObjectType.DRIVE_ITEM,
        "01BYE5RZ",
        USER_ID,
        "b!drive-id",
        REQUEST_ID,
        false,
        null,
        item);
  }

  public static ChangeEventData userDelete() {
    return new ChangeEventData(
        INSTALLATION_ID,
        TENANT_ID,
        Resource.USERS,
        ChangeOp.DELETE,
        ObjectType.USER,
        USER_ID,
        null,
        null,
        REQUEST_ID,
        true,
        "changed",
        null);
  }

  public static ChangeEventData resyncMarker() {
    return new ChangeEventData(
        INSTALLATION_ID,
        TENANT_ID,
        Resource.CALENDAR,
        null,
        ObjectType.EVENT,
        null,
        USER_ID,
        null,
        REQUEST_ID,
        true,
        null,
        null);
  }
}
