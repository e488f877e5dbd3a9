package dev.o365connector.sync.messaging;

/**
 * A sync request the worker will never run; its message is the DLQ record's {@code
 * dead-letter-reason}.
 */
class RejectedRequest extends RuntimeException {

  private final String code;

  RejectedRequest(String code, String reason) {
    super(code + ": " + reason, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
