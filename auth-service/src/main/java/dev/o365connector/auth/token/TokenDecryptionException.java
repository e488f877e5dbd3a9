package dev.o365connector.auth.token;

/**
 * A stored token that does not decrypt: it belongs to another installation, was tampered with, or
 * its key has been removed from {@code O365_TOKEN_KEYSET}.
 */
public class TokenDecryptionException extends RuntimeException {

  TokenDecryptionException(String associatedData, Throwable cause) {
    super(
        "Stored token does not decrypt for "
            + associatedData
            + ": wrong installation, tampered, or its key is no longer in O365_TOKEN_KEYSET",
        cause);
  }
}
