package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.resource.users.UserChanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Which delta scopes a resource of an installation consists of. Users are one tenant-wide scope
 * ({@code /users/delta}), the same for both installation types. Mail, calendar and files come with
 * later steps of the sync-worker issue; until then a run reports them as not supported.
 */
@ApplicationScoped
public class ResourcePlan {

  private final GatewayClient gateway;

  ResourcePlan(GatewayClient gateway) {
    this.gateway = gateway;
  }

  /** The scopes of {@code resource}; empty when this worker cannot sync it yet. */
  public Optional<List<DeltaScope>> scopes(Resource resource, ChangeScope changes) {
    if (resource != Resource.USERS) {
      return Optional.empty();
    }
    String installationId = changes.installationId();
    return Optional.of(
        List.of(
            new DeltaScope(
                Resource.USERS,
                new CursorScope(installationId, Resource.USERS.value(), "", ""),
                changes,
                gateway.installationBase(installationId) + "/users/delta",
                false,
                UserChanges::of)));
  }
}
