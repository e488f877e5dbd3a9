package dev.o365connector.contracts;

import java.util.List;

/**
 * The roles a platform bearer JWT carries for the connector's HTTP APIs (docs/security.md,
 * "Internal callers"): the platform's OIDC provider grants them to callers, each endpoint requires
 * one. Shared by the services that check them and by the graph-simulator, which seeds the platform
 * tenant's clients with them.
 */
public final class PlatformRoles {

  /** auth-service: create installations, ask for a new consent, uninstall. */
  public static final String INSTALLATIONS_WRITE = "installations.write";

  /** auth-service and sync-worker: read installations, syncs and sync state. */
  public static final String INSTALLATIONS_READ = "installations.read";

  /** auth-service: issue an installation's Graph access token (graph-gateway's client). */
  public static final String TOKENS_ISSUE = "tokens.issue";

  /** graph-gateway: Graph reads through the proxy (sync-worker's client). */
  public static final String GRAPH_READ = "graph.read";

  /** Every role, e.g. for a developer client that may call everything. */
  public static final List<String> ALL =
      List.of(INSTALLATIONS_WRITE, INSTALLATIONS_READ, TOKENS_ISSUE, GRAPH_READ);

  private PlatformRoles() {}
}
