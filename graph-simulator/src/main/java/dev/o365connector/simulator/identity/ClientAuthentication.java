package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.InternalClient;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authenticates token callers by form {@code client_secret} or HTTP Basic. */
final class ClientAuthentication {

  /** The authenticated caller: a registered app, or an internal client of the platform tenant. */
  record Client(String clientId, AppRegistration app, InternalClient internal) {}

  private final Directory directory;

  ClientAuthentication(Directory directory) {
    this.directory = directory;
  }

  /**
   * @param platform whether the request is for the platform tenant, where internal clients live
   * @param tenantName how errors name the directory (the path segment)
   */
  Client authenticate(RoutingContext ctx, MultiMap form, boolean platform, String tenantName) {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] basic = basic(authorization.substring(6).trim());
      if (clientId != null && !clientId.equals(basic[0])) {
        throw new EntraException(
            EntraError.of(
                "invalid_request",
                90014,
                "The client_id in the request body does not match the client of the"
                    + " Authorization header."));
      }
      clientId = basic[0];
      secret = basic[1];
    }
    if (clientId == null || clientId.isBlank()) {
      throw new EntraException(EntraError.missingParameter("client_id"));
    }
    InternalClient internal = platform ? directory.internalClient(clientId).orElse(null) : null;
    if (internal != null) {
      checkSecret(clientId, secret, form, internal.secret().equals(secret));
      return new Client(clientId, null, internal);
    }
    AppRegistration app = directory.app(clientId).orElse(null);
    if (app == null) {
      throw new EntraException(EntraError.appNotFound(clientId, tenantName));
    }
    checkSecret(clientId, secret, form, app.acceptsSecret(secret));
    return new Client(clientId, app, null);
  }

  private static void checkSecret(String clientId, String secret, MultiMap form, boolean valid) {
    if (secret == null || secret.isEmpty()) {
      if (form.get("client_assertion") != null) {
        // No certificate is registered for any client, so no assertion can verify.
        throw new EntraException(
            new EntraError(
                401, "invalid_client", 700027, "Client assertion failed signature validation."));
      }
      throw new EntraException(EntraError.missingClientSecret());
    }
    if (!valid) {
      throw new EntraException(EntraError.invalidClientSecret(clientId));
    }
  }

  private static String[] basic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return new String[] {
          URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
      }
    } catch (IllegalArgumentException e) {
      // falls through: a malformed header authenticates nobody
    }
    throw new EntraException(
        new EntraError(
            401, "invalid_client", 7000215, "Invalid client secret provided (malformed Basic)."));
  }
}
