package dev.o365connector.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private static final String INSTALLATION = "3f1c2b7e-0000-4000-8000-000000000001";
  private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.signature";

  @Test
  void ciphertextDecryptsBackToTheTokenAndDoesNotContainIt() throws GeneralSecurityException {
    TokenCipher cipher = new TokenCipher(GenerateKeyset.fresh());

    byte[] ciphertext = cipher.encrypt(INSTALLATION, TOKEN);

    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    assertThat(cipher.decrypt(INSTALLATION, ciphertext)).isEqualTo(TOKEN);
  }

  @Test
  void ciphertextOfAnotherInstallationDoesNotDecrypt() throws GeneralSecurityException {
    TokenCipher cipher = new TokenCipher(GenerateKeyset.fresh());
    byte[] ciphertext = cipher.encrypt(INSTALLATION, TOKEN);

    assertThatThrownBy(() -> cipher.decrypt("another-installation", ciphertext))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("another-installation")
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining(new String(ciphertext, StandardCharsets.ISO_8859_1));
  }

  @Test
  void tamperedCiphertextDoesNotDecrypt() throws GeneralSecurityException {
    TokenCipher cipher = new TokenCipher(GenerateKeyset.fresh());
    byte[] ciphertext = cipher.encrypt(INSTALLATION, TOKEN);
    ciphertext[ciphertext.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(INSTALLATION, ciphertext))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void rotatedKeysetDecryptsOldTokensAndEncryptsWithItsNewPrimary()
      throws GeneralSecurityException {
    String keysetA = GenerateKeyset.fresh();
    String keysetB = GenerateKeyset.rotate(keysetA);
    byte[] oldCiphertext = new TokenCipher(keysetA).encrypt(INSTALLATION, TOKEN);
    TokenCipher rotated = new TokenCipher(keysetB);

    byte[] newCiphertext = rotated.encrypt(INSTALLATION, TOKEN);

    assertThat(rotated.decrypt(INSTALLATION, oldCiphertext)).isEqualTo(TOKEN);
    assertThat(keyId(newCiphertext))
        .isEqualTo(primaryKeyId(keysetB))
        .isNotEqualTo(keyId(oldCiphertext));
    assertThatThrownBy(() -> new TokenCipher(keysetA).decrypt(INSTALLATION, newCiphertext))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void malformedKeysetIsNamedWithoutEchoingIt() {
    String malformed =
        "{\"primaryKeyId\":1,\"key\":[{\"keyData\":{\"value\":\"c2VjcmV0LWtleQ==\"}}]}";

    assertThatThrownBy(() -> new TokenCipher(malformed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("O365_TOKEN_KEYSET")
        .hasMessageNotContaining("c2VjcmV0LWtleQ==")
        .hasMessageNotContaining(malformed);
  }

  @Test
  void emptyKeysetIsNamed() {
    assertThatThrownBy(() -> new TokenCipher(" "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("O365_TOKEN_KEYSET");
  }

  /** Tink's output prefix: version byte 0x01, then the big-endian id of the key that encrypted. */
  private static long keyId(byte[] ciphertext) {
    assertThat(ciphertext[0]).isEqualTo((byte) 1);
    return Integer.toUnsignedLong(ByteBuffer.wrap(Arrays.copyOfRange(ciphertext, 1, 5)).getInt());
  }

  private static long primaryKeyId(String keyset) throws GeneralSecurityException {
    return Integer.toUnsignedLong(
        TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
            .getPrimary()
            .getId());
  }
}
