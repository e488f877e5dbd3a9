package dev.o365connector.contracts.change;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.Examples.assertRejected;
import static dev.o365connector.contracts.Examples.bytes;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.validation.ContractSchema.CHANGE_EVENT_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.Examples;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeEventDataContractTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "change-event-data-upsert.json",
        "change-event-data-delete.json",
        "change-event-data-resync-started.json"
      })
  void examplesAreValidAndReadAsRecords(String example) {
    ChangeEventData change =
        VALIDATOR.readValid(CHANGE_EVENT_DATA, bytes(json(example)), ChangeEventData.class);

    assertThat(Examples.tree(change)).isEqualTo(json(example));
  }

  @Test
  void upsertCarriesTheGraphObjectAsReceived() {
    ChangeEventData change =
        VALIDATOR.readValid(
            CHANGE_EVENT_DATA, bytes(json("change-event-data-upsert.json")), ChangeEventData.class);

    assertThat(change.objectType()).isEqualTo(ObjectType.MESSAGE);
    assertThat(change.data().at("/from/emailAddress/address").textValue())
        .isEqualTo("adele.vance@contoso.com");
  }

  @Test
  void recordsRoundTripThroughTheSchema() {
    for (ChangeEventData change :
        new ChangeEventData[] {
          Samples.driveItemUpsert(), Samples.userDelete(), Samples.resyncMarker()
        }) {
      byte[] wire = VALIDATOR.writeValid(CHANGE_EVENT_DATA, change);

      assertThat(VALIDATOR.readValid(CHANGE_EVENT_DATA, wire, ChangeEventData.class))
          .isEqualTo(change);
    }
  }

  @Test
  void explicitNullDataReadsLikeAbsentData() {
    ObjectNode json = json("change-event-data-delete.json");
    json.putNull("data");

    ChangeEventData change =
        VALIDATOR.readValid(CHANGE_EVENT_DATA, bytes(json), ChangeEventData.class);

    assertThat(change.data()).isNull();
    assertThat(Examples.tree(change).has("data")).isFalse();
  }

  @Test
  void missingObjectIdOnAnObjectChangeIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.remove("objectId");

    assertRejected(
        CHANGE_EVENT_DATA,
        json,
        "has a missing property 'objectId' which is dependent required because 'op' is present");
  }

  @Test
  void missingTenantIdIsRejected() {
    ObjectNode json = json("change-event-data-delete.json");
    json.remove("tenantId");

    assertRejected(CHANGE_EVENT_DATA, json, "required property 'tenantId' not found");
  }

  @Test
  void upsertWithoutDataIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.remove("data");

    assertRejected(CHANGE_EVENT_DATA, json, "required property 'data' not found");
  }

  @Test
  void deleteWithDataIsRejected() {
    ObjectNode json = json("change-event-data-delete.json");
    json.putObject("data").put("id", "AAMkAGI2TG93AAA=");

    assertRejected(CHANGE_EVENT_DATA, json, "$.data", "object found, null expected");
  }

  @Test
  void markerThatIsNotAResyncIsRejected() {
    ObjectNode json = json("change-event-data-resync-started.json");
    json.put("resync", false);

    assertRejected(CHANGE_EVENT_DATA, json, "$.resync", "must be the constant value 'true'");
  }

  @Test
  void wrongTypeIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.put("resync", "no");

    assertRejected(CHANGE_EVENT_DATA, json, "$.resync", "string found, boolean expected");
  }

  @Test
  void dataThatIsNotAnObjectIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.putArray("data").add("subject");

    assertRejected(CHANGE_EVENT_DATA, json, "$.data", "array found");
  }

  @Test
  void unknownObjectTypeIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.put("objectType", "contact");

    assertRejected(
        CHANGE_EVENT_DATA, json, "$.objectType", "does not have a value in the enumeration");
  }

  @Test
  void unknownOpIsRejected() {
    ObjectNode json = json("change-event-data-delete.json");
    json.put("op", "REMOVE");

    assertRejected(CHANGE_EVENT_DATA, json, "$.op", "does not have a value in the enumeration");
  }

  @Test
  void objectTypeOfAnotherResourceIsRejected() {
    ObjectNode json = json("change-event-data-upsert.json");
    json.put("objectType", "driveItem");

    assertRejected(CHANGE_EVENT_DATA, json, "$.objectType", "[\"message\", \"mailFolder\"]");
  }

  @Test
  void unknownRemovedReasonIsRejected() {
    ObjectNode json = json("change-event-data-delete.json");
    json.put("removedReason", "moved");

    assertRejected(
        CHANGE_EVENT_DATA, json, "$.removedReason", "does not have a value in the enumeration");
  }

  @Test
  void oversizeObjectIdIsRejected() {
    ObjectNode json = json("change-event-data-delete.json");
    json.put("objectId", "A".repeat(257));

    assertRejected(CHANGE_EVENT_DATA, json, "$.objectId", "must be at most 256 characters long");
  }

  @Test
  void everyObjectTypeBelongsToTheResourceTheSchemaAllowsItFor() {
    for (ObjectType type : ObjectType.values()) {
      ObjectNode json = json("change-event-data-delete.json");
      json.put("objectType", type.value());
      for (Resource resource : Resource.values()) {
        json.put("resource", resource.value());

        assertThat(Examples.validate(CHANGE_EVENT_DATA, json).isValid())
            .as("%s on %s", type, resource)
            .isEqualTo(type.resource() == resource);
      }
    }
  }

  @Test
  void invalidJsonIsAViolation() {
    assertThat(VALIDATOR.validate(CHANGE_EVENT_DATA, "{\"objectId\": \"a\"} {}").violations())
        .singleElement()
        .asString()
        .startsWith("$: invalid JSON")
        .contains("Trailing token");
  }
}
