package dev.o365connector.contracts.sync;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.Examples.assertRejected;
import static dev.o365connector.contracts.Examples.bytes;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.validation.ContractSchema.SYNC_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.Examples;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Samples;
import dev.o365connector.contracts.validation.ContractViolationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncRequestContractTest {

  @Test
  void exampleIsValidAndReadsAsRecord() {
    SyncRequest request =
        VALIDATOR.readValid(SYNC_REQUEST, bytes(json("sync-request.json")), SyncRequest.class);

    assertThat(request.resources()).containsExactly(Resource.MAIL, Resource.CALENDAR);
    assertThat(request.mode()).isEqualTo(SyncMode.FULL);
    assertThat(request.calendarWindow()).isEqualTo(new CalendarWindow(30, 365));
    assertThat(Examples.tree(request)).isEqualTo(json("sync-request.json"));
  }

  @Test
  void recordRoundTripsThroughTheSchema() {
    SyncRequest request = Samples.fullSyncRequest();

    byte[] wire = VALIDATOR.writeValid(SYNC_REQUEST, request);

    assertThat(VALIDATOR.readValid(SYNC_REQUEST, wire, SyncRequest.class)).isEqualTo(request);
  }

  @Test
  void absentModeMeansIncremental() {
    ObjectNode json = json("sync-request.json");
    json.remove("mode");

    SyncRequest request = VALIDATOR.readValid(SYNC_REQUEST, bytes(json), SyncRequest.class);

    assertThat(request.mode()).isEqualTo(SyncMode.INCREMENTAL);
  }

  @Test
  void resourcesSerialiseInDeclarationOrder() {
    SyncRequest request =
        new SyncRequest("r", "i", Set.of(Resource.FILES, Resource.USERS), null, List.of("u"), null);

    assertThat(Examples.tree(request).get("resources").toString())
        .isEqualTo("[\"users\",\"files\"]");
  }

  @Test
  void missingRequestIdIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.remove("requestId");

    assertRejected(SYNC_REQUEST, json, "required property 'requestId' not found");
  }

  @Test
  void missingInstallationIdIsRejectedWithAReasonForTheDeadLetterHeader() {
    ObjectNode json = json("sync-request.json");
    json.remove("installationId");

    assertThatThrownBy(() -> VALIDATOR.readValid(SYNC_REQUEST, bytes(json), SyncRequest.class))
        .isInstanceOf(ContractViolationException.class)
        .hasMessage("SYNC_REQUEST invalid: $: required property 'installationId' not found");
  }

  @Test
  void wrongTypeIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.put("resources", "mail");

    assertRejected(SYNC_REQUEST, json, "$.resources", "string found, array expected");
  }

  @Test
  void nonIntegerCalendarWindowIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.withObjectProperty("calendarWindow").put("pastDays", 1.5);

    assertRejected(SYNC_REQUEST, json, "$.calendarWindow.pastDays", "integer expected");
  }

  @Test
  void unknownResourceIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.withArrayProperty("resources").add("contacts");

    assertRejected(
        SYNC_REQUEST, json, "$.resources[2]", "does not have a value in the enumeration");
  }

  @Test
  void unknownModeIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.put("mode", "incremental");

    assertRejected(SYNC_REQUEST, json, "$.mode", "[\"INCREMENTAL\", \"FULL\"]");
  }

  @Test
  void moreThanFourResourcesAreRejected() {
    ObjectNode json = json("sync-request.json");
    json.putArray("resources").add("users").add("mail").add("calendar").add("files").add("mail");

    assertRejected(SYNC_REQUEST, json, "$.resources", "must have at most 4 items but found 5");
  }

  @Test
  void repeatedResourceIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.putArray("resources").add("mail").add("mail");

    assertRejected(SYNC_REQUEST, json, "$.resources", "must have only unique items");
  }

  @Test
  void emptyResourcesAreRejectedBecauseAbsentMeansAll() {
    ObjectNode json = json("sync-request.json");
    json.putArray("resources");

    assertRejected(SYNC_REQUEST, json, "$.resources", "must have at least 1 items");
  }

  @Test
  void moreThanAThousandUserIdsAreRejected() {
    ObjectNode json = json("sync-request.json");
    ArrayNode userIds = json.putArray("userIds");
    for (int i = 0; i <= 1000; i++) {
      userIds.add("user-" + i);
    }

    assertRejected(
        SYNC_REQUEST, json, "$.userIds", "must have at most 1,000 items but found 1,001");
  }

  @Test
  void calendarWindowBeyondTenYearsIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.withObjectProperty("calendarWindow").put("futureDays", CalendarWindow.MAX_DAYS + 1);

    assertRejected(
        SYNC_REQUEST, json, "$.calendarWindow.futureDays", "must have a maximum value of 3650");
  }

  @Test
  void negativeCalendarWindowIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.withObjectProperty("calendarWindow").put("pastDays", -1);

    assertRejected(SYNC_REQUEST, json, "$.calendarWindow.pastDays", "minimum value of 0");
  }

  @Test
  void misspeltPropertyIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.putArray("resource").add("mail");

    assertRejected(SYNC_REQUEST, json, "property 'resource' is not defined in the schema");
  }

  @Test
  void idLongerThan256CharactersIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.put("requestId", "r".repeat(257));

    assertRejected(SYNC_REQUEST, json, "$.requestId", "must be at most 256 characters long");
  }

  @Test
  void idWithControlCharactersIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.put("installationId", "inst\n-1");

    assertRejected(SYNC_REQUEST, json, "$.installationId", "does not match the regex pattern");
  }

  @Test
  void emptyUserIdIsRejected() {
    ObjectNode json = json("sync-request.json");
    json.withArrayProperty("userIds").add("");

    assertRejected(SYNC_REQUEST, json, "$.userIds[2]", "must be at least 1 characters long");
  }

  @Test
  void invalidJsonIsAViolation() {
    assertThat(VALIDATOR.validate(SYNC_REQUEST, "{\"requestId\": \"r\",").violations())
        .singleElement()
        .asString()
        .startsWith("$: invalid JSON at line 1");
  }
}
