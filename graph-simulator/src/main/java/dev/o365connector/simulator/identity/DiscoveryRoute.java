package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import dev.o365connector.simulator.identity.TenantResolver.Authority;
import dev.o365connector.simulator.identity.TenantResolver.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** OpenID Connect discovery and JWKS for tenants and multi-tenant authorities. */
final class DiscoveryRoute {

  private final SimulatorContext context;
  private final TenantResolver resolver;
  private final EntraErrors errors;
  private final AccessTokens accessTokens;

  DiscoveryRoute(
      SimulatorContext context,
      TenantResolver resolver,
      EntraErrors errors,
      AccessTokens accessTokens) {
    this.context = context;
    this.resolver = resolver;
    this.errors = errors;
    this.accessTokens = accessTokens;
  }

  void register(Router router) {
    router.get("/:tenant/v2.0/.well-known/openid-configuration").handler(this::configuration);
    router.get("/:tenant/discovery/v2.0/keys").handler(this::keys);
  }

  private void configuration(RoutingContext ctx) {
    Authority authority = resolver.resolve(ctx.pathParam("tenant"));
    if (authority.kind() == Kind.UNKNOWN) {
      unknownTenant(ctx, authority);
      return;
    }
    // Like Entra, multi-tenant authorities publish a templated issuer: tokens carry the real tid.
    String tenantId = authority.kind() == Kind.TENANT ? authority.tenant().id() : "{tenantid}";
    String path = authority.kind() == Kind.TENANT ? tenantId : authority.segment();
    String base = context.baseUrl() + "/" + path;
    JsonObject configuration =
        new JsonObject()
            .put("issuer", accessTokens.issuer(tenantId))
            .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
            .put("token_endpoint", base + "/oauth2/v2.0/token")
            .put("jwks_uri", base + "/discovery/v2.0/keys")
            .put("response_types_supported", new JsonArray().add("code"))
            .put(
                "response_modes_supported",
                new JsonArray().add("query").add("fragment").add("form_post"))
            .put("subject_types_supported", new JsonArray().add("pairwise"))
            .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
            .put(
                "scopes_supported",
                new JsonArray().add("openid").add("profile").add("email").add("offline_access"))
            .put(
                "token_endpoint_auth_methods_supported",
                new JsonArray().add("client_secret_post").add("client_secret_basic"))
            .put(
                "grant_types_supported",
                new JsonArray()
                    .add("authorization_code")
                    .add("refresh_token")
                    .add("client_credentials"))
            .put("code_challenge_methods_supported", new JsonArray().add("S256"))
            .put(
                "claims_supported",
                new JsonArray()
                    .add("sub")
                    .add("iss")
                    .add("aud")
                    .add("exp")
                    .add("iat")
                    .add("nonce")
                    .add("preferred_username")
                    .add("name")
                    .add("tid")
                    .add("oid")
                    .add("ver"))
            .put("request_uri_parameter_supported", false)
            .put("msgraph_host", hostOf(context.graphBaseUrl()));
    Responses.json(ctx, 200, configuration);
  }

  private void keys(RoutingContext ctx) {
    Authority authority = resolver.resolve(ctx.pathParam("tenant"));
    if (authority.kind() == Kind.UNKNOWN) {
      unknownTenant(ctx, authority);
      return;
    }
    Responses.json(ctx, 200, context.signingKey().jwks());
  }

  // Discovery answers an unknown tenant with error "invalid_tenant", unlike the token endpoint.
  private void unknownTenant(RoutingContext ctx, Authority authority) {
    EntraError notFound = EntraError.tenantNotFound(authority.segment());
    Responses.json(
        ctx,
        400,
        errors.body(
            ctx, new EntraError(400, "invalid_tenant", notFound.code(), notFound.message())));
  }

  private static String hostOf(String url) {
    String withoutScheme = url.substring(url.indexOf("//") + 2);
    int slash = withoutScheme.indexOf('/');
    return slash < 0 ? withoutScheme : withoutScheme.substring(0, slash);
  }
}
