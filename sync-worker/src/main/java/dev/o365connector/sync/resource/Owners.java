package dev.o365connector.sync.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.installation.KnownInstallation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
    return listUsers(base, base + "/users?$select=id&$top=999", new ArrayList<>());
  }

  private Uni<List<Owner>> listUsers(String base, String url, List<Owner> owners) {
    return gateway
        .page(url, false)
        .flatMap(
            page -> {
              for (JsonNode user : page.path("value")) {
                String id = user.path("id").asText();
                owners.add(new Owner(id, base + "/users/" + id));
              }
              String next = page.path("@odata.nextLink").asText(null);
              return next == null
                  ? Uni.createFrom().item(List.copyOf(owners))
                  : listUsers(base, next, owners);
            });
  }

  /**
   * One user whose data a run reads.
   *
   * @param id the user's id (the {@code ownerId} of their changes)
   * @param base the gateway URL their resources hang off: {@code .../me} or {@code .../users/{id}}
   */
  public record Owner(String id, String base) {}
}
