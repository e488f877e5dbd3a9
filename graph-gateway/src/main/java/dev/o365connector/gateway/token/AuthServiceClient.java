package dev.o365connector.gateway.token;

import dev.o365connector.contracts.token.AccessTokenRequest;
import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.error.GatewayProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks auth-service for an installation's access token and turns its answers into the gateway's
 * own: unknown installation → 404, not ACTIVE → 409 naming its status, anything else → 502.
 */
@ApplicationScoped
public class AuthServiceClient {

  private static final Logger LOG = Logger.getLogger(AuthServiceClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final AuthServiceRestClient rest;

  AuthServiceClient(@RestClient AuthServiceRestClient rest) {
    this.rest = rest;
  }

  /** A token for {@code installationId}; {@code forceRefresh} after Graph rejected the last one. */
  public Uni<InstallationAccess> issue(String installationId, boolean forceRefresh) {
    return rest.issue(installationId, new AccessTokenRequest(forceRefresh))
        .ifNoItem()
        .after(TIMEOUT)
        .failWith(() -> unavailable("no answer within " + TIMEOUT.toSeconds() + " s"))
        .onFailure(e -> !(e instanceof GatewayProblem))
        .transform(e -> translate(installationId, e));
  }

  private static GatewayProblem translate(String installationId, Throwable e) {
    if (e instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status == 404) {
        return new GatewayProblem(
            404, "not-found", "Not found", "Installation " + installationId + " does not exist");
      }
      if (status == 409) {
        return new GatewayProblem(
            409, "installation-not-active", "Installation not active", detail(web));
      }
      LOG.warnf("auth-service answered %d for installation %s", status, installationId);
      return unavailable("auth-service answered " + status);
    }
    LOG.warnf("auth-service unreachable: %s", e.toString());
    return unavailable(e.getClass().getSimpleName());
  }

  private static String detail(WebApplicationException e) {
    try {
      return new JsonObject(e.getResponse().readEntity(String.class)).getString("detail");
    } catch (RuntimeException unreadable) {
      return "The installation is not ACTIVE";
    }
  }

  private static GatewayProblem unavailable(String why) {
    return new GatewayProblem(
        502, "auth-service-unavailable", "Could not get an access token", why);
  }
}
