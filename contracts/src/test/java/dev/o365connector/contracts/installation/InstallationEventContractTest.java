package dev.o365connector.contracts.installation;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.Examples.assertRejected;
import static dev.o365connector.contracts.Examples.bytes;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.Examples.validate;
import static dev.o365connector.contracts.validation.ContractSchema.INSTALLATION_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.Examples;
import dev.o365connector.contracts.Samples;
import org.junit.jupiter.api.Test;

class InstallationEventContractTest {

  @Test
  void exampleIsValidAndReadsAsRecord() {
    InstallationEvent event =
        VALIDATOR.readValid(
            INSTALLATION_EVENT, bytes(json("installation-event.json")), InstallationEvent.class);

    assertThat(event.type()).isEqualTo(InstallationType.APPLICATION);
    assertThat(event.status()).isEqualTo(InstallationStatus.ACTIVE);
    assertThat(event.grantedPermissions()).contains("Files.Read.All");
    assertThat(Examples.tree(event)).isEqualTo(json("installation-event.json"));
  }

  @Test
  void recordRoundTripsThroughTheSchema() {
    InstallationEvent event = Samples.activeApplicationInstallation();

    byte[] wire = VALIDATOR.writeValid(INSTALLATION_EVENT, event);

    assertThat(VALIDATOR.readValid(INSTALLATION_EVENT, wire, InstallationEvent.class))
        .isEqualTo(event);
  }

  @Test
  void pendingDelegatedInstallationHasNoTenantAndNoPermissionsYet() {
    ObjectNode json = Examples.MAPPER.valueToTree(Samples.pendingDelegatedInstallation());

    assertThat(json.has("tenantId")).isFalse();
    assertThat(json.get("grantedPermissions")).isEmpty();
    assertThat(validate(INSTALLATION_EVENT, json).violations()).isEmpty();
  }

  @Test
  void missingInstallationIdIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.remove("installationId");

    assertRejected(INSTALLATION_EVENT, json, "required property 'installationId' not found");
  }

  @Test
  void applicationInstallationWithoutTenantIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.remove("tenantId");

    assertRejected(INSTALLATION_EVENT, json, "required property 'tenantId' not found");
  }

  @Test
  void wrongTypeIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.put("grantedPermissions", "Mail.Read Calendars.Read");

    assertRejected(
        INSTALLATION_EVENT, json, "$.grantedPermissions", "string found, array expected");
  }

  @Test
  void unknownStatusIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.put("status", "REVOKED");

    assertRejected(
        INSTALLATION_EVENT, json, "$.status", "does not have a value in the enumeration");
  }

  @Test
  void unknownTypeIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.put("type", "delegated");

    assertRejected(INSTALLATION_EVENT, json, "$.type", "does not have a value in the enumeration");
  }

  @Test
  void moreThanAHundredPermissionsAreRejected() {
    ObjectNode json = json("installation-event.json");
    ArrayNode permissions = json.putArray("grantedPermissions");
    for (int i = 0; i <= 100; i++) {
      permissions.add("Permission" + i + ".Read");
    }

    assertRejected(
        INSTALLATION_EVENT,
        json,
        "$.grantedPermissions",
        "must have at most 100 items but found 101");
  }

  @Test
  void timestampWithoutZoneIsRejected() {
    ObjectNode json = json("installation-event.json");
    json.put("occurredAt", "2025-01-31T09:00:00");

    assertRejected(INSTALLATION_EVENT, json, "$.occurredAt", "RFC 3339 date-time");
  }

  @Test
  void invalidJsonIsAViolation() {
    assertThat(VALIDATOR.validate(INSTALLATION_EVENT, "not json").violations())
        .singleElement()
        .asString()
        .startsWith("$: invalid JSON at line 1")
        .contains("Unrecognized token 'not'");
  }
}
