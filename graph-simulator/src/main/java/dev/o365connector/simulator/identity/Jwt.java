package dev.o365connector.simulator.identity;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/** Compact RS256 JWTs signed and verified with the simulator's {@link SigningKey}. */
public final class Jwt {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SigningKey key;

  public Jwt(SigningKey key) {
    this.key = key;
  }

  public String sign(JsonObject claims) {
    JsonObject header =
        new JsonObject().put("typ", "JWT").put("alg", "RS256").put("kid", key.keyId());
    String signingInput = part(header) + "." + part(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key.keyPair().getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + ENCODER.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  /** The claims of a token this simulator signed; empty if malformed or the signature is wrong. */
  public Optional<JsonObject> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key.keyPair().getPublic());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(DECODER.decode(parts[2]))) {
        return Optional.empty();
      }
      return Optional.of(
          new JsonObject(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException | DecodeException e) {
      return Optional.empty();
    }
  }

  private static String part(JsonObject json) {
    return ENCODER.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
