package dev.o365connector.auth.token;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import dev.o365connector.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** Encrypts tokens at rest with the Tink AEAD keyset from {@code O365_TOKEN_KEYSET}. */
@Startup
@ApplicationScoped
public class TokenCipher {

  private final Aead aead;

  @Inject
  TokenCipher(AuthConfig config) {
    this(config.tokenKeyset());
  }

  TokenCipher(String keysetJson) {
    this.aead = parse(keysetJson);
  }

  /** Encrypts with the keyset's primary key, bound to {@code associatedData}. */
  public byte[] encrypt(String associatedData, String plaintext) {
    try {
      return aead.encrypt(utf8(plaintext), utf8(associatedData));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Token encryption failed: " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts with whichever key of the keyset encrypted it.
   *
   * @throws TokenDecryptionException if the associated data differs or no key matches
   */
  public String decrypt(String associatedData, byte[] ciphertext) {
    try {
      return new String(aead.decrypt(ciphertext, utf8(associatedData)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new TokenDecryptionException(associatedData, e);
    }
  }

  // Messages name the variable but never echo its value: the keyset is secret key material.
  private static Aead parse(String keysetJson) {
    if (keysetJson == null || keysetJson.isBlank()) {
      throw new IllegalStateException("O365_TOKEN_KEYSET is empty: set it to a Tink keyset JSON");
    }
    try {
      AeadConfig.register();
      return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get())
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "O365_TOKEN_KEYSET is not a cleartext Tink AEAD keyset JSON (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
