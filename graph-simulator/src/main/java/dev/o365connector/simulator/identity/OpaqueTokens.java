package dev.o365connector.simulator.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable opaque strings shaped like Entra's codes and refresh tokens ({@code 1.A...}). */
final class OpaqueTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueTokens() {}

  static String next(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return "1.A" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
