package dev.o365connector.contracts.permission;

import java.util.Map;
import java.util.Objects;

/**
 * A Graph path recognised by {@link GraphRouteCatalogue#match}.
 *
 * @param route the route the path matched
 * @param owner whose mailbox, calendar or drive the path reads, the key for Outlook's per-mailbox
 *     limits: {@code me} for {@code /me} routes, the {@code {userId}} segment as sent (an id or a
 *     user principal name) for {@code /users/{userId}} routes, {@code null} for tenant-wide routes
 *     such as {@code /users/delta}
 * @param pathParameters each {@code {name}} of the template with the segment it matched
 */
public record GraphRouteMatch(GraphRoute route, String owner, Map<String, String> pathParameters) {

  public GraphRouteMatch {
    Objects.requireNonNull(route, "route");
    pathParameters = Map.copyOf(pathParameters);
  }
}
