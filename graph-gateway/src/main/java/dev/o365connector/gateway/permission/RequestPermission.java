package dev.o365connector.gateway.permission;

import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.permission.GraphRouteCatalogue;
import dev.o365connector.contracts.permission.GraphRouteMatch;
import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.error.GatewayProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before any Graph call, whether a Graph GET is allowed for an installation: the route
 * must be on the catalogue for the installation's type and its permission must have been granted.
 */
public final class RequestPermission {

  private RequestPermission() {}

  /** Refuses paths that no installation of any type may read, without asking auth-service. */
  public static void requireKnownRoute(String method, String path) {
    requireGet(method);
    if (GraphRouteCatalogue.match(InstallationType.DELEGATED, path).isEmpty()
        && GraphRouteCatalogue.match(InstallationType.APPLICATION, path).isEmpty()) {
      throw notAllowed(path + " is not on the gateway's list of Graph read routes");
    }
  }

  /** The matched route if {@code access} may read {@code path}; else a 403 saying why. */
  public static GraphRouteMatch check(String method, String path, InstallationAccess access) {
    requireGet(method);
    Optional<GraphRouteMatch> match = GraphRouteCatalogue.match(access.type(), path);
    if (match.isEmpty()) {
      throw notAllowed(
          path
              + " is not a Graph read route for "
              + access.type()
              + " installations"
              + (access.type() == InstallationType.DELEGATED
                  ? " (they read the signed-in user's data under /me)"
                  : " (they read users' data under /users/{id}, never /me)"));
    }
    String required = match.get().route().permission();
    List<String> granted = access.grantedPermissions();
    if (!granted.contains(required)) {
      throw new GatewayProblem(
          403,
          "permission-missing",
          "Permission missing",
          "The installation was not granted " + required + ", which " + path + " needs",
          Map.of("requiredPermission", required, "grantedPermissions", granted));
    }
    return match.get();
  }

  private static void requireGet(String method) {
    if (!"GET".equals(method)) {
      throw notAllowed("only GET (and POST $batch of GETs) is allowed, not " + method);
    }
  }

  private static GatewayProblem notAllowed(String detail) {
    return new GatewayProblem(403, "route-not-allowed", "Route not allowed", detail);
  }
}
