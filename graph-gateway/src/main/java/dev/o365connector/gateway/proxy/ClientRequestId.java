package dev.o365connector.gateway.proxy;

import java.util.UUID;

/** The {@code client-request-id} a request carries to Graph and back to its caller. */
final class ClientRequestId {

  private ClientRequestId() {}

  /** The caller's {@code client-request-id} when it is a plain id, else a fresh one. */
  static String of(String given) {
    if (given != null && given.length() <= 64 && given.matches("[A-Za-z0-9-]+")) {
      return given;
    }
    return UUID.randomUUID().toString();
  }
}
