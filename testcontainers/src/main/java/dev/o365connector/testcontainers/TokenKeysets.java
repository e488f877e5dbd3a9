package dev.o365connector.testcontainers;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/** auth-service's {@code O365_TOKEN_KEYSET}: a fresh AES256-GCM Tink keyset per stack. */
final class TokenKeysets {

  private TokenKeysets() {}

  static String fresh() {
    try {
      AeadConfig.register();
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not generate a token keyset", e);
    }
  }
}
