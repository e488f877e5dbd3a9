package dev.o365connector.simulator.identity;

import java.util.Set;

/** One user's consent to one client in one tenant, as a code or a refresh token carries it. */
interface DelegatedGrant {

  String tenantId();

  String userId();

  String clientId();

  /** What the user consented to; a new refresh token carries it on. */
  Set<String> scopes();
}
