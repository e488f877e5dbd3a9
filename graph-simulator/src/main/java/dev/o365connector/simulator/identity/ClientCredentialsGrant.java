package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code grant_type=client_credentials}: app-only tokens with admin-consented roles. */
final class ClientCredentialsGrant implements TokenGrant {

  private static final String DEFAULT_SUFFIX = "/.default";

  private final Directory directory;
  private final AccessTokens accessTokens;
  private final long lifetimeSeconds;

  ClientCredentialsGrant(Directory directory, AccessTokens accessTokens, long lifetimeSeconds) {
    this.directory = directory;
    this.accessTokens = accessTokens;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  @Override
  public JsonObject issue(TokenRequest request) {
    Tenant tenant = request.authority().tenant();
    String requested = request.required("scope").trim();
    // Entra ignores the OIDC scopes here (MSAL always adds them); one resource's .default remains.
    List<String> resources =
        Arrays.stream(requested.split("\\s+")).filter(s -> !Scopes.OIDC.contains(s)).toList();
    if (resources.size() != 1) {
      throw new EntraException(EntraError.invalidScope(requested));
    }
    String scope = resources.get(0);
    if (!scope.endsWith(DEFAULT_SUFFIX)) {
      throw new EntraException(EntraError.clientCredentialsScope(scope));
    }
    if (request.client().internal() != null) {
      Set<String> roles = request.client().internal().roles();
      return response(accessTokens.platform(tenant.id(), request.clientId(), roles));
    }
    boolean platform = directory.platformTenant().map(p -> p == tenant).orElse(false);
    if (!platform && !Scopes.isGraphDefault(scope)) {
      throw new EntraException(
          EntraError.resourceNotFound(
              scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()), tenant.id()));
    }
    // No admin consent means no service principal for the app in this tenant: AADSTS7000229.
    Set<String> roles =
        directory
            .locked(() -> tenant.adminConsentedRoles(request.clientId()))
            .orElseThrow(
                () ->
                    new EntraException(
                        EntraError.missingServicePrincipal(request.clientId(), tenant.id())));
    return response(accessTokens.application(tenant.id(), request.clientId(), roles));
  }

  private JsonObject response(String accessToken) {
    return new JsonObject()
        .put("token_type", "Bearer")
        .put("expires_in", lifetimeSeconds)
        .put("ext_expires_in", lifetimeSeconds)
        .put("access_token", accessToken);
  }
}
