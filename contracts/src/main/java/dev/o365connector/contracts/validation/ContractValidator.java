package dev.o365connector.contracts.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.o365connector.contracts.ContractJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates contract payloads against their JSON Schemas. Thread-safe: create one per service and
 * share it; the schemas are loaded once, in the constructor. In a CDI service it is a singleton
 * bean (the jar carries a {@code beans.xml}), so services simply inject it.
 */
@Singleton
public final class ContractValidator {

  private final ObjectMapper mapper = ContractJson.mapper();
  private final Map<ContractSchema, JsonSchema> schemas = new EnumMap<>(ContractSchema.class);

  /** Loads every {@link ContractSchema}; fails fast if one is missing or malformed. */
  public ContractValidator() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            // Draft 2020-12 only annotates "format" by default; timestamps must really be dates.
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            // "$.calendarWindow.pastDays" reads better in a dead-letter header than a JSON pointer.
            .pathType(PathType.JSON_PATH)
            .build();
    for (ContractSchema schema : ContractSchema.values()) {
      schemas.put(schema, load(factory, config, schema));
    }
  }

  /** Validates {@code json}; null, empty or unparseable input is a violation, not an exception. */
  public ValidationResult validate(ContractSchema schema, byte[] json) {
    try {
      return validate(schema, parse(schema, json));
    } catch (ContractViolationException e) {
      return new ValidationResult(e.violations());
    }
  }

  /** Validates {@code json}; null, empty or unparseable input is a violation, not an exception. */
  public ValidationResult validate(ContractSchema schema, String json) {
    return validate(schema, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Validates {@code json} and maps it to {@code type}, which must be the schema's payload type.
   *
   * @throws ContractViolationException when {@code json} is not a valid payload
   */
  public <T> T readValid(ContractSchema schema, byte[] json, Class<T> type) {
    requirePayloadType(schema, type);
    JsonNode node = parse(schema, json);
    ValidationResult result = validate(schema, node);
    if (!result.isValid()) {
      throw new ContractViolationException(schema, result.violations());
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      // Only reachable if the record and its schema disagree, which the tests guard against.
      throw new ContractViolationException(
          schema, List.of("$: cannot be read as " + type.getSimpleName() + ": " + e.getMessage()));
    }
  }

  /**
   * Serialises {@code payload} with {@link ContractJson} and validates the result, so a producer
   * never publishes what its consumers would reject.
   *
   * @throws ContractViolationException when the serialised payload is not valid
   */
  public byte[] writeValid(ContractSchema schema, Object payload) {
    JsonNode node = requireValid(schema, payload);
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * Checks {@code payload} against {@code schema} without writing it; its JSON tree.
   *
   * @throws ContractViolationException if it breaks the contract
   */
  public JsonNode requireValid(ContractSchema schema, Object payload) {
    requirePayloadType(schema, payload.getClass());
    JsonNode node = mapper.valueToTree(payload);
    ValidationResult result = validate(schema, node);
    if (!result.isValid()) {
      throw new ContractViolationException(schema, result.violations());
    }
    return node;
  }

  private ValidationResult validate(ContractSchema schema, JsonNode node) {
    List<String> violations =
        schemas.get(schema).validate(node).stream()
            .map(ValidationMessage::getMessage)
            .sorted()
            .toList();
    return violations.isEmpty() ? ValidationResult.valid() : new ValidationResult(violations);
  }

  private JsonNode parse(ContractSchema schema, byte[] json) {
    JsonNode node;
    try {
      node = json == null ? null : mapper.readTree(json);
    } catch (IOException e) {
      throw new ContractViolationException(schema, List.of(describe(e)));
    }
    if (node == null || node.isMissingNode()) {
      throw new ContractViolationException(
          schema, List.of("$: invalid JSON: the payload is empty"));
    }
    return node;
  }

  private static String describe(IOException e) {
    if (e instanceof JsonProcessingException jsonError && jsonError.getLocation() != null) {
      // The original message leaves out the source excerpt, so no payload content leaks into logs.
      return "$: invalid JSON at line %d, column %d: %s"
          .formatted(
              jsonError.getLocation().getLineNr(),
              jsonError.getLocation().getColumnNr(),
              jsonError.getOriginalMessage());
    }
    return "$: invalid JSON: " + e.getMessage();
  }

  private static void requirePayloadType(ContractSchema schema, Class<?> type) {
    if (!type.equals(schema.payloadType())) {
      throw new IllegalArgumentException(
          schema + " payloads are " + schema.payloadType().getSimpleName() + ", not " + type);
    }
  }

  private static JsonSchema load(
      JsonSchemaFactory factory, SchemaValidatorsConfig config, ContractSchema schema) {
    try (InputStream in =
        ContractValidator.class.getClassLoader().getResourceAsStream(schema.resourcePath())) {
      if (in == null) {
        throw new IllegalStateException("schema not on the classpath: " + schema.resourcePath());
      }
      return factory.getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + schema.resourcePath(), e);
    }
  }
}
