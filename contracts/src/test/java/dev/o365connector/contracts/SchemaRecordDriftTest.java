package dev.o365connector.contracts;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.validation.ContractSchema.CHANGE_EVENT_DATA;
import static dev.o365connector.contracts.validation.ContractSchema.INSTALLATION_EVENT;
import static dev.o365connector.contracts.validation.ContractSchema.SYNC_REQUEST;
import static dev.o365connector.contracts.validation.ContractSchema.SYNC_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.o365connector.contracts.validation.ContractSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Records and schemas change together: these tests fail as soon as one moves without the other. */
class SchemaRecordDriftTest {

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(SYNC_REQUEST, "", SyncRequest.class),
        Arguments.of(SYNC_REQUEST, "/$defs/calendarWindow", CalendarWindow.class),
        Arguments.of(SYNC_STATUS, "", SyncStatus.class),
        Arguments.of(SYNC_STATUS, "/$defs/resourceCounts", ResourceCounts.class),
        Arguments.of(SYNC_STATUS, "/$defs/syncError", SyncError.class),
        Arguments.of(INSTALLATION_EVENT, "", InstallationEvent.class),
        Arguments.of(CHANGE_EVENT_DATA, "", ChangeEventData.class));
  }

  static Stream<Arguments> enums() {
    return Stream.of(
        Arguments.of(SYNC_REQUEST, "/$defs/resource", Resource.class),
        Arguments.of(SYNC_REQUEST, "/$defs/syncMode", SyncMode.class),
        Arguments.of(SYNC_STATUS, "/$defs/resource", Resource.class),
        Arguments.of(SYNC_STATUS, "/$defs/syncState", SyncState.class),
        Arguments.of(INSTALLATION_EVENT, "/$defs/installationType", InstallationType.class),
        Arguments.of(INSTALLATION_EVENT, "/$defs/installationStatus", InstallationStatus.class),
        Arguments.of(CHANGE_EVENT_DATA, "/$defs/resource", Resource.class),
        Arguments.of(CHANGE_EVENT_DATA, "/$defs/changeOp", ChangeOp.class),
        Arguments.of(CHANGE_EVENT_DATA, "/$defs/objectType", ObjectType.class));
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(SYNC_REQUEST, Samples.fullSyncRequest()),
        Arguments.of(SYNC_REQUEST, Samples.minimalSyncRequest()),
        Arguments.of(SYNC_STATUS, Samples.failedSyncStatus()),
        Arguments.of(SYNC_STATUS, Samples.acceptedSyncStatus()),
        Arguments.of(INSTALLATION_EVENT, Samples.activeApplicationInstallation()),
        Arguments.of(INSTALLATION_EVENT, Samples.pendingDelegatedInstallation()),
        Arguments.of(CHANGE_EVENT_DATA, Samples.driveItemUpsert()),
        Arguments.of(CHANGE_EVENT_DATA, Samples.userDelete()),
        Arguments.of(CHANGE_EVENT_DATA, Samples.resyncMarker()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("objects")
  void schemaPropertiesAreExactlyTheRecordComponents(
      ContractSchema schema, String pointer, Class<? extends Record> type) {
    JsonNode object = schemaJson(schema).at(pointer);

    assertThat(object.get("properties").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new));
    assertThat(object.get("required"))
        .allSatisfy(name -> assertThat(object.get("properties").has(name.textValue())).isTrue());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("enums")
  void schemaEnumsAreExactlyTheJavaWireValues(
      ContractSchema schema, String pointer, Class<? extends Enum<?>> type) {
    JsonNode values = schemaJson(schema).at(pointer).get("enum");

    assertThat(values).isEqualTo(Examples.MAPPER.valueToTree(type.getEnumConstants()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("records")
  void recordsSerialiseToValidPayloadsAndReadBackEqual(ContractSchema schema, Record payload) {
    byte[] wire = VALIDATOR.writeValid(schema, payload);

    assertThat(VALIDATOR.readValid(schema, wire, schema.payloadType())).isEqualTo(payload);
  }

  @ParameterizedTest
  @EnumSource(ContractSchema.class)
  void schemaIsDraft202012WithAnIdNamedAfterItsFileAndTitledAfterItsRecord(ContractSchema schema) {
    JsonNode json = schemaJson(schema);

    assertThat(json.get("$schema").textValue())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(json.get("$id").textValue())
        .isEqualTo("https://o365connector.dev/" + schema.resourcePath());
    assertThat(json.get("title").textValue()).isEqualTo(schema.payloadType().getSimpleName());
    assertThat(json.get("description").textValue()).isNotBlank();
  }

  private static JsonNode schemaJson(ContractSchema schema) {
    try (InputStream in =
        SchemaRecordDriftTest.class.getClassLoader().getResourceAsStream(schema.resourcePath())) {
      return Examples.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
