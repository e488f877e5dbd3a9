package dev.o365connector.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Example payloads from {@code src/test/resources/examples} and assertions on their validation. */
public final class Examples {

  public static final ContractValidator VALIDATOR = new ContractValidator();
  public static final ObjectMapper MAPPER = ContractJson.mapper();

  private Examples() {}

  /** A fresh, mutable copy of {@code examples/<name>}. */
  public static ObjectNode json(String name) {
    try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} as {@link ContractJson} serialises it. */
  public static JsonNode tree(Object value) {
    try {
      // Through bytes rather than valueToTree, so numbers get the node types a reader sees.
      return MAPPER.readTree(bytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ValidationResult validate(ContractSchema schema, JsonNode json) {
    return VALIDATOR.validate(schema, bytes(json));
  }

  /** Asserts that {@code json} is rejected with a violation containing every fragment. */
  public static void assertRejected(ContractSchema schema, JsonNode json, String... fragments) {
    ValidationResult result = validate(schema, json);
    assertThat(result.isValid()).isFalse();
    assertThat(result.violations())
        .anySatisfy(violation -> assertThat(violation).contains(fragments));
  }
}
