package dev.o365connector.simulator.delta;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Skip and delta tokens: opaque to clients, tamper-evident (HMAC-SHA256 with a key made at start,
 * so tokens of another simulator run are invalid too, as a restarted service's would be).
 */
public final class DeltaTokens {

  /**
   * Where a round stands.
   *
   * @param scope the collection the token belongs to; a token replayed on another scope is invalid
   * @param epoch the collection's epoch when issued; a bumped epoch means "resync required"
   * @param initial true while enumerating every live object, false while reporting changes
   * @param watermark sequence the round's changes start after (initial: sequence at round start)
   * @param after initial: last id returned; changes: last sequence returned
   * @param upTo changes: the round's upper bound, fixed at its first page
   * @param issuedAt epoch millis, for expiry
   * @param params query parameters of the round's first request, carried along as Graph does
   */
  public record State(
      String scope,
      long epoch,
      boolean initial,
      long watermark,
      String after,
      long upTo,
      long issuedAt,
      JsonObject params) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key = new byte[32];

  public DeltaTokens() {
    new SecureRandom().nextBytes(key);
  }

  public String encode(State state) {
    JsonObject json =
        new JsonObject()
            .put("s", state.scope())
            .put("e", state.epoch())
            .put("i", state.initial())
            .put("w", state.watermark())
            .put("a", state.after())
            .put("u", state.upTo())
            .put("t", state.issuedAt())
            .put("q", state.params());
    byte[] payload = json.encode().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  /** The state a token carries; empty if it is malformed or was not issued by this simulator. */
  public Optional<State> decode(String token) {
    try {
      int dot = token.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] mac = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, mac(payload))) {
        return Optional.empty();
      }
      JsonObject json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
      return Optional.of(
          new State(
              json.getString("s"),
              json.getLong("e"),
              json.getBoolean("i"),
              json.getLong("w"),
              json.getString("a"),
              json.getLong("u"),
              json.getLong("t"),
              json.getJsonObject("q", new JsonObject())));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
