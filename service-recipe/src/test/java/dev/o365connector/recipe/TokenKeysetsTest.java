package dev.o365connector.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenKeysetsTest {

  /** Read as auth-service's TokenCipher reads O365_TOKEN_KEYSET. */
  private static Aead aead(String keyset) throws Exception {
    return TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Test
  void aFreshKeysetEncryptsAndDecryptsAsAuthServiceUsesIt() throws Exception {
    Aead aead = aead(TokenKeysets.fresh());
    byte[] installation = "installation-1".getBytes(StandardCharsets.UTF_8);

    byte[] sealed = aead.encrypt("refresh-token".getBytes(StandardCharsets.UTF_8), installation);

    assertThat(new String(aead.decrypt(sealed, installation), StandardCharsets.UTF_8))
        .isEqualTo("refresh-token");
  }

  @Test
  void everyStackGetsItsOwnKey() {
    assertThat(TokenKeysets.fresh()).isNotEqualTo(TokenKeysets.fresh()).contains("AesGcmKey");
  }
}
