package dev.o365connector.contracts.validation;

import java.util.List;

/**
 * The outcome of validating one payload.
 *
 * @param violations human-readable problems, each naming the offending field as a JSON path ({@code
 *     $.resources}); empty when the payload is valid
 */
public record ValidationResult(List<String> violations) {

  private static final ValidationResult VALID = new ValidationResult(List.of());

  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** The result of a payload without violations. */
  public static ValidationResult valid() {
    return VALID;
  }

  /** Whether the payload has no violations. */
  public boolean isValid() {
    return violations.isEmpty();
  }
}
