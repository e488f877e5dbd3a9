package dev.o365connector.contracts.sync;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.Examples.assertRejected;
import static dev.o365connector.contracts.Examples.bytes;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.Examples.validate;
import static dev.o365connector.contracts.validation.ContractSchema.SYNC_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.Examples;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncStatusContractTest {

  @Test
  void exampleIsValidAndReadsAsRecord() {
    SyncStatus status =
        VALIDATOR.readValid(SYNC_STATUS, bytes(json("sync-status.json")), SyncStatus.class);

    assertThat(status.state()).isEqualTo(SyncState.SUCCEEDED);
    assertThat(status.counts())
        .containsEntry(Resource.MAIL, new ResourceCounts(1280, 12, 14, 17, 0))
        .containsOnlyKeys(Resource.MAIL, Resource.CALENDAR);
    assertThat(status.startedAt()).isEqualTo(Instant.parse("2025-01-31T09:30:01.250Z"));
    assertThat(Examples.tree(status)).isEqualTo(json("sync-status.json"));
  }

  @Test
  void recordRoundTripsThroughTheSchema() {
    SyncStatus status = Samples.failedSyncStatus();

    byte[] wire = VALIDATOR.writeValid(SYNC_STATUS, status);

    assertThat(VALIDATOR.readValid(SYNC_STATUS, wire, SyncStatus.class)).isEqualTo(status);
  }

  @Test
  void timestampsAreIsoStringsAndCountsAreKeyedByResourceName() {
    ObjectNode json = Examples.MAPPER.valueToTree(Samples.failedSyncStatus());

    assertThat(json.get("occurredAt").textValue()).isEqualTo("2025-01-31T09:31:10Z");
    assertThat(json.get("counts").fieldNames()).toIterable().containsExactly("users", "files");
  }

  @Test
  void finalStatesAreTheOnesWithoutAFollowUp() {
    assertThat(SyncState.values())
        .filteredOn(SyncState::isFinal)
        .containsExactly(SyncState.SUCCEEDED, SyncState.FAILED, SyncState.REJECTED);
  }

  @Test
  void missingStateIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.remove("state");

    assertRejected(SYNC_STATUS, json, "required property 'state' not found");
  }

  @Test
  void wrongTypeIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.withObjectProperty("counts").withObjectProperty("mail").put("upserts", "1280");

    assertRejected(SYNC_STATUS, json, "$.counts.mail.upserts", "string found, integer expected");
  }

  @Test
  void unknownStateIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.put("state", "DONE");

    assertRejected(SYNC_STATUS, json, "$.state", "does not have a value in the enumeration");
  }

  @Test
  void countsForAnUnknownResourceAreRejected() {
    ObjectNode json = json("sync-status.json");
    json.withObjectProperty("counts")
        .putObject("contacts")
        .put("upserts", 0)
        .put("deletes", 0)
        .put("pages", 0)
        .put("graphRequests", 0);

    assertRejected(SYNC_STATUS, json, "$.counts", "property 'contacts' name is not valid");
  }

  @Test
  void negativeCountIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.withObjectProperty("counts").withObjectProperty("calendar").put("pages", -1);

    assertRejected(SYNC_STATUS, json, "$.counts.calendar.pages", "minimum value of 0");
  }

  @Test
  void failureWithoutErrorIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.put("state", "FAILED");

    assertRejected(SYNC_STATUS, json, "required property 'error' not found");
  }

  @Test
  void finalStateWithoutFinishedAtIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.remove("finishedAt");

    assertRejected(SYNC_STATUS, json, "required property 'finishedAt' not found");
  }

  @Test
  void rejectionNeedsNoAcceptedAt() {
    ObjectNode json = json("sync-status.json");
    json.put("state", "REJECTED");
    json.remove("acceptedAt");
    json.remove("startedAt");
    json.putObject("error").put("code", "installation_not_active").put("message", "UNINSTALLED");

    assertThat(validate(SYNC_STATUS, json).violations()).isEmpty();
  }

  @Test
  void timestampThatIsNotADateIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.put("occurredAt", "yesterday");

    assertRejected(SYNC_STATUS, json, "$.occurredAt", "RFC 3339 date-time");
  }

  @Test
  void epochNumberTimestampIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.put("occurredAt", 1738315872);

    assertRejected(SYNC_STATUS, json, "$.occurredAt", "integer found, string expected");
  }

  @Test
  void oversizeErrorMessageIsRejected() {
    ObjectNode json = json("sync-status.json");
    json.put("state", "FAILED");
    json.putObject("error").put("code", "graph_unavailable").put("message", "x".repeat(2049));

    assertRejected(SYNC_STATUS, json, "$.error.message", "must be at most 2,048 characters long");
  }

  @Test
  void invalidJsonIsAViolation() {
    assertThat(VALIDATOR.validate(SYNC_STATUS, "{\"state\": RUNNING}").violations())
        .singleElement()
        .asString()
        .startsWith("$: invalid JSON at line 1, column 11");
  }
}
