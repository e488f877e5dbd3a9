package dev.o365connector.auth.token;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Prints a keyset for {@code O365_TOKEN_KEYSET}: a fresh AES256-GCM one, or with {@code --rotate}
 * the keyset read from stdin plus a new primary key (old keys stay, so old tokens still decrypt).
 */
public final class GenerateKeyset {

  private GenerateKeyset() {}

  public static void main(String[] args) throws GeneralSecurityException, IOException {
    boolean rotate = args.length == 1 && args[0].equals("--rotate");
    if (args.length > 1 || (args.length == 1 && !rotate)) {
      System.err.println("usage: GenerateKeyset [--rotate < current-keyset.json]");
      System.exit(2);
    }
    // The current keyset comes from stdin, not an argument, to keep it out of process lists.
    String keyset =
        rotate ? rotate(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)) : fresh();
    System.out.println(keyset.strip());
  }

  static String fresh() throws GeneralSecurityException {
    AeadConfig.register();
    return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
  }

  // Replicas still on the old keyset cannot read tokens written with the new primary, so the
  // rotated keyset must reach every replica before it matters; Kubernetes rolls it out anyway.
  static String rotate(String keysetJson) throws GeneralSecurityException {
    AeadConfig.register();
    KeysetHandle current =
        TinkJsonProtoKeysetFormat.parseKeyset(keysetJson.strip(), InsecureSecretKeyAccess.get());
    return serialize(
        KeysetHandle.newBuilder(current)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build());
  }

  private static String serialize(KeysetHandle keyset) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
  }
}
