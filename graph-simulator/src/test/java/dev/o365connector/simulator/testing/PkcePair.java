package dev.o365connector.simulator.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE code verifier and its S256 challenge (RFC 7636), computed as a client would. */
public record PkcePair(String verifier, String challenge) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static PkcePair generate() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return of(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  public static PkcePair of(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return new PkcePair(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
