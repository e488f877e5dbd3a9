package dev.o365connector.simulator.testing;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Verifies RS256 JWTs against a published JWKS with plain JDK crypto, as a relying party would,
 * independently of the simulator's own signing code.
 */
public final class JwksVerifier {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final JsonObject jwks;

  public JwksVerifier(JsonObject jwks) {
    this.jwks = jwks;
  }

  /** The token's header. */
  public static JsonObject header(String jwt) {
    return decode(jwt.split("\\.")[0]);
  }

  /** The token's claims, without checking the signature. */
  public static JsonObject claims(String jwt) {
    return decode(jwt.split("\\.")[1]);
  }

  /** The claims of {@code jwt}; throws {@link AssertionError} unless its signature verifies. */
  public JsonObject verify(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new AssertionError("not a compact JWS: " + parts.length + " parts");
    }
    JsonObject header = decode(parts[0]);
    if (!"RS256".equals(header.getString("alg"))) {
      throw new AssertionError("alg is " + header.getString("alg"));
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key(header.getString("kid")));
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(DECODER.decode(parts[2]))) {
        throw new AssertionError("signature does not verify against the JWKS");
      }
    } catch (GeneralSecurityException e) {
      throw new AssertionError("cannot verify: " + e, e);
    }
    return decode(parts[1]);
  }

  private RSAPublicKey key(String kid) throws GeneralSecurityException {
    for (Object entry : jwks.getJsonArray("keys")) {
      JsonObject jwk = (JsonObject) entry;
      if (kid.equals(jwk.getString("kid")) && "RSA".equals(jwk.getString("kty"))) {
        BigInteger modulus = new BigInteger(1, DECODER.decode(jwk.getString("n")));
        BigInteger exponent = new BigInteger(1, DECODER.decode(jwk.getString("e")));
        return (RSAPublicKey)
            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
      }
    }
    throw new AssertionError("no RSA key with kid " + kid + " in the JWKS");
  }

  private static JsonObject decode(String part) {
    return new JsonObject(new String(DECODER.decode(part), StandardCharsets.UTF_8));
  }
}
