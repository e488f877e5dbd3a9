package dev.o365connector.simulator.graph;

import java.util.Set;

/**
 * Who a Graph request acts for, from its access token.
 *
 * @param userId the signed-in user (delegated tokens); null for app-only tokens
 * @param permissions {@code scp} of a delegated token or {@code roles} of an app-only one
 */
public record GraphPrincipal(
    String tenantId, String userId, String clientId, Set<String> permissions) {

  public boolean delegated() {
    return userId != null;
  }

  /** Whether any of {@code accepted} was granted. */
  public boolean hasAny(Set<String> accepted) {
    return accepted.stream().anyMatch(permissions::contains);
  }
}
