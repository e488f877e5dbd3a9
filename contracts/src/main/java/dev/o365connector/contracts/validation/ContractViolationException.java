package dev.o365connector.contracts.validation;

import java.util.List;

/**
 * A payload does not satisfy its contract. The message is one line, bounded in length and free of
 * control characters, so it can go into a Kafka dead-letter header as it is.
 */
public final class ContractViolationException extends RuntimeException {

  /** Longest message: far below Kafka's limits, long enough for the first few violations. */
  static final int MAX_REASON_LENGTH = 1000;

  private final ContractSchema schema;
  private final List<String> violations;

  /** A violation of {@code schema} with at least one human-readable violation. */
  public ContractViolationException(ContractSchema schema, List<String> violations) {
    super(reason(schema, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a contract violation needs at least one violation");
    }
    this.schema = schema;
    this.violations = List.copyOf(violations);
  }

  /** The contract that was violated. */
  public ContractSchema schema() {
    return schema;
  }

  /** Every violation found, as returned by {@link ContractValidator#validate}. */
  public List<String> violations() {
    return violations;
  }

  /** The one-line reason, the same as {@link #getMessage()}. */
  public String reason() {
    return getMessage();
  }

  private static String reason(ContractSchema schema, List<String> violations) {
    String reason =
        (schema + " invalid: " + String.join("; ", violations)).replaceAll("\\p{Cntrl}+", " ");
    if (reason.length() <= MAX_REASON_LENGTH) {
      return reason;
    }
    int end = MAX_REASON_LENGTH - 3;
    if (Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end) + "...";
  }
}
