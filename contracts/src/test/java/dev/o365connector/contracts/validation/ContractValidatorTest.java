package dev.o365connector.contracts.validation;

import static dev.o365connector.contracts.Examples.VALIDATOR;
import static dev.o365connector.contracts.Examples.bytes;
import static dev.o365connector.contracts.Examples.json;
import static dev.o365connector.contracts.validation.ContractSchema.SYNC_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.Samples;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContractValidatorTest {

  @Test
  void validPayloadHasNoViolations() {
    ValidationResult result = VALIDATOR.validate(SYNC_REQUEST, bytes(json("sync-request.json")));

    assertThat(result.isValid()).isTrue();
    assertThat(result.violations()).isEmpty();
  }

  @Test
  void everyViolationIsReportedInAStableOrder() {
    ObjectNode json = json("sync-request.json");
    json.remove("requestId");
    json.put("mode", "SOMETIMES");

    assertThat(VALIDATOR.validate(SYNC_REQUEST, bytes(json)).violations())
        .containsExactly(
            "$.mode: does not have a value in the enumeration [\"INCREMENTAL\", \"FULL\"]",
            "$: required property 'requestId' not found");
  }

  @Test
  void unparseableJsonIsAViolationWithItsPosition() {
    assertThat(VALIDATOR.validate(SYNC_REQUEST, "{\n  \"requestId\": 'r'\n}").violations())
        .singleElement()
        .asString()
        .startsWith("$: invalid JSON at line 2, column 16: Unexpected character (''' (code 39))");
  }

  @Test
  void nullOrEmptyPayloadIsAViolation() {
    assertThat(VALIDATOR.validate(SYNC_REQUEST, (byte[]) null).violations())
        .containsExactly("$: invalid JSON: the payload is empty");
    assertThat(VALIDATOR.validate(SYNC_REQUEST, "  ").violations())
        .containsExactly("$: invalid JSON: the payload is empty");
  }

  @Test
  void repeatedKeyIsAViolation() {
    String json = "{\"requestId\": \"a\", \"installationId\": \"i\", \"requestId\": \"b\"}";

    assertThat(VALIDATOR.validate(SYNC_REQUEST, json).violations())
        .singleElement()
        .asString()
        .contains("Duplicate field 'requestId'");
  }

  @Test
  void payloadThatIsNotAnObjectIsAViolation() {
    assertThat(VALIDATOR.validate(SYNC_REQUEST, "[]").violations())
        .containsExactly("$: array found, object expected");
  }

  @Test
  void readValidRejectsInvalidJsonWithAOneLineReason() {
    byte[] payload = "{\"requestId\":\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> VALIDATOR.readValid(SYNC_REQUEST, payload, SyncRequest.class))
        .isInstanceOfSatisfying(
            ContractViolationException.class,
            e -> {
              assertThat(e.schema()).isEqualTo(SYNC_REQUEST);
              assertThat(e.violations()).singleElement().asString().contains("invalid JSON");
              assertThat(e.reason())
                  .startsWith("SYNC_REQUEST invalid: $: invalid JSON")
                  .doesNotContain("\n");
            });
  }

  @Test
  void readValidRefusesAClassThatIsNotTheSchemasPayload() {
    byte[] payload = bytes(json("sync-request.json"));

    assertThatThrownBy(() -> VALIDATOR.readValid(SYNC_REQUEST, payload, SyncStatus.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SYNC_REQUEST payloads are SyncRequest");
  }

  @Test
  void writeValidRefusesARecordItsConsumersWouldReject() {
    SyncRequest withoutInstallation = SyncRequest.incremental(Samples.REQUEST_ID, null);

    assertThatThrownBy(() -> VALIDATOR.writeValid(SYNC_REQUEST, withoutInstallation))
        .isInstanceOf(ContractViolationException.class)
        .hasMessage("SYNC_REQUEST invalid: $: required property 'installationId' not found");
  }

  @Test
  void reasonIsBoundedAndFreeOfControlCharacters() {
    List<String> violations = List.of("$.a:\tfirst\r\nline", "x".repeat(5_000));

    String reason = new ContractViolationException(SYNC_REQUEST, violations).reason();

    assertThat(reason)
        .startsWith("SYNC_REQUEST invalid: $.a: first line; xxx")
        .endsWith("...")
        .hasSize(ContractViolationException.MAX_REASON_LENGTH);
  }

  @Test
  void validatesConcurrentlyWithOneInstance() {
    byte[] valid = bytes(json("sync-request.json"));
    ObjectNode invalidJson = json("sync-request.json");
    invalidJson.remove("requestId");
    byte[] invalid = bytes(invalidJson);

    List<CompletableFuture<Boolean>> results =
        IntStream.range(0, 200)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            VALIDATOR
                                .validate(SYNC_REQUEST, i % 2 == 0 ? valid : invalid)
                                .isValid()))
            .toList();

    assertThat(
            IntStream.range(0, results.size()).filter(i -> results.get(i).join() != (i % 2 == 0)))
        .isEmpty();
  }
}
