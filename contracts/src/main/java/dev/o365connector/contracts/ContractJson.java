package dev.o365connector.contracts;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson configuration every service uses for contract payloads. */
public final class ContractJson {

  private ContractJson() {}

  /** A new mapper configured by {@link #configure(ObjectMapper)}. */
  public static ObjectMapper mapper() {
    return configure(new ObjectMapper());
  }

  /**
   * Applies the contract settings to an existing mapper (for example Quarkus' own, from an {@code
   * ObjectMapperCustomizer}) and returns it.
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Readers ignore fields added by newer producers; the schemas decide what is too much.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // A payload with trailing garbage or a repeated key is ambiguous, so it is not valid JSON
        // here.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
  }
}
