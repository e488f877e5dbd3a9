package dev.o365connector.auth.microsoft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The payload claims of a JWT (id token, or access token) that Entra's token endpoint returned.
 *
 * <p>The signature is not checked: these tokens come straight from the token endpoint over TLS to
 * the client that authenticated itself there, so the channel vouches for them (OpenID Connect Core
 * §3.1.3.7). Never use this for a token a caller hands in.
 */
public final class TokenClaims {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode payload;

  private TokenClaims(JsonNode payload) {
    this.payload = payload;
  }

  /**
   * Reads the claims of {@code jwt}.
   *
   * @throws IllegalArgumentException if it is not a JWS compact serialisation with a JSON object
   *     payload; the message never contains the token
   */
  public static TokenClaims parse(String jwt) {
    if (jwt == null || jwt.isBlank()) {
      throw new IllegalArgumentException("Not a JWT: the token is empty");
    }
    String[] parts = jwt.split("\\.", -1);
    if (parts.length == 5) {
      throw new IllegalArgumentException("Not a readable JWT: it is encrypted (JWE)");
    }
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "Not a JWT: expected 3 dot-separated parts, found " + parts.length);
    }
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a JWT: the payload is not base64url", e);
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(new String(decoded, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JWT: the payload is not JSON", e);
    }
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("Not a JWT: the payload is not a JSON object");
    }
    return new TokenClaims(payload);
  }

  /** {@code tid}: the tenant the token was issued in. */
  public Optional<String> tenantId() {
    return string("tid");
  }

  /** {@code oid}: the user's (or, in an app-only token, the service principal's) object id. */
  public Optional<String> objectId() {
    return string("oid");
  }

  /** {@code preferred_username}, else {@code upn}: the user's sign-in name, for display only. */
  public Optional<String> username() {
    return string("preferred_username").or(() -> string("upn"));
  }

  /** {@code scp}: the delegated permissions, empty in an app-only token. */
  public Set<String> scopes() {
    return string("scp")
        .map(
            scp ->
                Arrays.stream(scp.split(" "))
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** {@code roles}: the application permissions (app roles) of an app-only token. */
  public Set<String> roles() {
    JsonNode roles = payload.get("roles");
    if (roles == null || roles.isNull()) {
      return Set.of();
    }
    if (!roles.isArray()) {
      throw new IllegalArgumentException("JWT claim roles is not an array");
    }
    Set<String> values = new HashSet<>();
    for (JsonNode role : roles) {
      if (!role.isTextual()) {
        throw new IllegalArgumentException("JWT claim roles holds a non-string value");
      }
      values.add(role.asText());
    }
    return Set.copyOf(values);
  }

  /** {@code exp}: when the token expires. */
  public Optional<Instant> expiresAt() {
    JsonNode exp = payload.get("exp");
    if (exp == null || exp.isNull()) {
      return Optional.empty();
    }
    if (!exp.isNumber()) {
      throw new IllegalArgumentException("JWT claim exp is not a number");
    }
    return Optional.of(Instant.ofEpochSecond(exp.asLong()));
  }

  /** Any string claim, e.g. {@code appid} or {@code aud}. */
  public Optional<String> string(String name) {
    JsonNode value = payload.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("JWT claim " + name + " is not a string");
    }
    return Optional.of(value.asText());
  }
}
