package dev.o365connector.stack.cli;

import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackPart;
import dev.o365connector.stack.services.InstallFlow;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * {@code ./devstack install [TENANT_ID]} and {@code ./devstack token <client>}: what a script asks
 * of a running stack as the platform would, through {@link InstallFlow}.
 */
final class Installs {

  /** The platform account the command line installs for. */
  static final String ACCOUNT = "devstack";

  private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

  private final Stack stack;
  private final InstallFlow flow;

  Installs(Stack stack) {
    this.stack = stack;
    StackEnvironment environment = StackEnvironment.read(stack);
    this.flow =
        new InstallFlow(
            stack.url(StackPart.AUTH_SERVICE),
            environment.demoTenantId(),
            environment.platformTokenUrl(),
            environment::platformSecret);
  }

  /**
   * An APPLICATION installation of {@code tenantId} (the demo tenant when null) through the consent
   * flow, an admin consenting at the simulator; once the sync-worker, if it runs, has it as ACTIVE.
   * Its id.
   */
  String install(String tenantId) {
    String installation =
        flow.install(
            new JsonObject()
                .put("accountId", ACCOUNT)
                .put("type", "APPLICATION")
                .put("tenantId", tenantId == null ? flow.demoTenantId() : tenantId));
    if (stack.running(StackPart.SYNC_WORKER).isPresent()) {
      flow.awaitActiveAt(stack.url(StackPart.SYNC_WORKER), installation, ACTIVE_TIMEOUT);
    }
    return installation;
  }

  /** An access token of the platform client {@code clientId} (e.g. {@code platform-dev}). */
  String token(String clientId) {
    return flow.platformToken(clientId);
  }
}
