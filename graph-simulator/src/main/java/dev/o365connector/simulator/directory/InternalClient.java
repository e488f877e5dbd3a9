package dev.o365connector.simulator.directory;

import java.util.Set;

/**
 * A client of the platform's own OIDC provider (the platform tenant): one of our services or a
 * developer tool, getting client-credentials tokens that carry {@code roles}.
 */
public record InternalClient(String clientId, String secret, Set<String> roles) {

  public InternalClient {
    roles = Set.copyOf(roles);
  }
}
