package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Issues the signed JWTs: delegated and app-only Graph tokens, platform tokens, id tokens. */
public final class AccessTokens {

  /** {@code aud} of tokens for the platform's own APIs (the platform tenant). */
  public static final String PLATFORM_AUDIENCE = "o365-connector";

  private final SimulatorContext context;

  public AccessTokens(SimulatorContext context) {
    this.context = context;
  }

  /** {@code {base}/{tenantId}/v2.0}, the {@code iss} of every token and the discovery issuer. */
  public String issuer(String tenantId) {
    return context.baseUrl() + "/" + tenantId + "/v2.0";
  }

  /** A Graph token on behalf of {@code user}, carrying the Graph scopes in {@code scp}. */
  public String delegated(String tenantId, User user, String clientId, Set<String> scopes) {
    return context
        .jwt()
        .sign(
            common(Scopes.GRAPH_RESOURCE, tenantId, clientId)
                .put("idtyp", "user")
                .put("oid", user.id())
                .put("sub", pairwiseSubject(tenantId, clientId, user.id()))
                .put("scp", Scopes.scp(scopes))
                .put("upn", user.userPrincipalName())
                .put("preferred_username", user.userPrincipalName())
                .put("name", user.displayName())
                .put("given_name", user.givenName())
                .put("family_name", user.surname()));
  }

  /** An app-only Graph token; without roles Entra leaves the claim out, and so do we. */
  public String application(String tenantId, String clientId, Set<String> roles) {
    return appOnly(Scopes.GRAPH_RESOURCE, tenantId, clientId, roles);
  }

  /** A client-credentials token of the platform tenant, for the platform's internal APIs. */
  public String platform(String tenantId, String clientId, Set<String> roles) {
    return appOnly(PLATFORM_AUDIENCE, tenantId, clientId, roles);
  }

  /** The OpenID Connect id token of a sign-in, for the client itself. */
  public String idToken(String tenantId, User user, String clientId, String nonce) {
    Instant now = context.clock().instant();
    JsonObject claims =
        new JsonObject()
            .put("aud", clientId)
            .put("iss", issuer(tenantId))
            .put("iat", now.getEpochSecond())
            .put("nbf", now.getEpochSecond())
            .put("exp", now.plus(context.config().accessTokenLifetime()).getEpochSecond())
            .put("tid", tenantId)
            .put("oid", user.id())
            .put("sub", pairwiseSubject(tenantId, clientId, user.id()))
            .put("preferred_username", user.userPrincipalName())
            .put("name", user.displayName())
            .put("ver", "2.0");
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    return context.jwt().sign(claims);
  }

  /** The object id of the app's service principal in a tenant: stable for tenant and client. */
  public static String servicePrincipalId(String tenantId, String clientId) {
    return UUID.nameUUIDFromBytes(
            ("servicePrincipal:" + tenantId + ":" + clientId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private String appOnly(String audience, String tenantId, String clientId, Set<String> roles) {
    String oid = servicePrincipalId(tenantId, clientId);
    JsonObject claims =
        common(audience, tenantId, clientId).put("idtyp", "app").put("oid", oid).put("sub", oid);
    if (!roles.isEmpty()) {
      claims.put("roles", new JsonArray(new TreeSet<>(roles).stream().toList()));
    }
    return context.jwt().sign(claims);
  }

  private JsonObject common(String audience, String tenantId, String clientId) {
    Instant now = context.clock().instant();
    return new JsonObject()
        .put("aud", audience)
        .put("iss", issuer(tenantId))
        .put("iat", now.getEpochSecond())
        .put("nbf", now.getEpochSecond())
        .put("exp", now.plus(context.config().accessTokenLifetime()).getEpochSecond())
        .put("tid", tenantId)
        .put("appid", clientId)
        .put("azp", clientId)
        .put("uti", UUID.randomUUID().toString().replace("-", ""))
        .put("ver", "2.0");
  }

  // Entra's sub is pairwise: the same user has a different sub for each app.
  private static String pairwiseSubject(String tenantId, String clientId, String userId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((tenantId + ":" + clientId + ":" + userId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 43);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
