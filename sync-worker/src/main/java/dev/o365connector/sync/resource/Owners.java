package dev.o365connector.sync.resource;

import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.installation.KnownInstallation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Whose mailboxes, calendars and drives a run covers: the signed-in user for DELEGATED (under
 * {@code /me}); for APPLICATION the request's {@code userIds}, else every user of the tenant,
 * listed through the gateway.
 */
@ApplicationScoped
public class Owners {

  private final GatewayClient gateway;

  Owners(GatewayClient gateway) {
    this.gateway = gateway;
  }

  /** The owners of one run; {@link Owner#me()} paths for DELEGATED. */
  public Uni<List<Owner>> of(KnownInstallation installation, SyncRequest request) {
    String base = gateway.installationBase(installation.id());
    if (installation.type() == InstallationType.DELEGATED) {
      return gateway
          .page(base + "/me?$select=id", false)
          .map(me -> List.of(new Owner(me.path("id").asText(), base + "/me")));
    }
    if (request.userIds() != null && !request.userIds().isEmpty()) {
      return Uni.createFrom()
          .item(
              request.userIds().stream().map(id -> new Owner(id, base + "/users/" + id)).toList());
    }
    return gateway
        .list(base + "/users?$select=id&$top=999", false)
        .map(
            users ->
                users.items().stream()
                    .map(user -> user.path("id").asText())
                    .map(id -> new Owner(id, base + "/users/" + id))
                    .toList());
  }

  /**
   * One user whose data a run reads.
   *
   * @param id the user's id (the {@code ownerId} of their changes)
   * @param base the gateway URL their resources hang off: {@code .../me} or {@code .../users/{id}}
   */
  public record Owner(String id, String base) {}
}
