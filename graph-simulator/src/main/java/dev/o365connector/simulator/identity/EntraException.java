package dev.o365connector.simulator.identity;

/** Ends a request with an {@link EntraError}; control flow only, so no stack trace. */
final class EntraException extends RuntimeException {

  private final EntraError error;

  EntraException(EntraError error) {
    super(error.summary(), null, false, false);
    this.error = error;
  }

  EntraError error() {
    return error;
  }
}
