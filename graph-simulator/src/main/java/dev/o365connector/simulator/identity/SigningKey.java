package dev.o365connector.simulator.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/** The RSA key the simulator signs every token with (RS256), published as a JWKS. */
public final class SigningKey {

  private final KeyPair keyPair;
  private final String keyId = UUID.randomUUID().toString();

  public SigningKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keyPair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  public KeyPair keyPair() {
    return keyPair;
  }

  public String keyId() {
    return keyId;
  }

  /** {@code {"keys":[...]}} as served at the tenant's {@code discovery/v2.0/keys}. */
  public JsonObject jwks() {
    RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
    return new JsonObject()
        .put(
            "keys",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("kty", "RSA")
                        .put("use", "sig")
                        .put("alg", "RS256")
                        .put("kid", keyId)
                        .put("n", unsigned(key.getModulus()))
                        .put("e", unsigned(key.getPublicExponent()))));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] trimmed = new byte[bytes.length - start];
    System.arraycopy(bytes, start, trimmed, 0, trimmed.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
  }
}
