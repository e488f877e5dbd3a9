package dev.o365connector.sync.resource;

import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.cursor.ListedObjectStore;
import dev.o365connector.sync.graph.GatewayClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The user a DELEGATED installation reads as ({@code /me}): asked of Graph once, on the first run
 * after a sign-in, then remembered in {@code listed_object} (resource {@code users}, owner '', type
 * {@code signedInUser}). A new sign-in (an ACTIVE event) forgets it, as it may be someone else.
 */
@ApplicationScoped
public class SignedInUser {

  private static final String RESOURCE = Resource.USERS.value();
  private static final String TYPE = "signedInUser";

  private final GatewayClient gateway;
  private final ListedObjectStore listed;

  SignedInUser(GatewayClient gateway, ListedObjectStore listed) {
    this.gateway = gateway;
    this.listed = listed;
  }

  /** The signed-in user's id, from Graph only when not known yet. */
  public Uni<OwnerIds> of(String installationId) {
    return listed
        .find(installationId, RESOURCE, "", TYPE)
        .flatMap(
            known ->
                known.isEmpty()
                    ? ask(installationId)
                    : Uni.createFrom()
                        .item(new OwnerIds(List.of(known.keySet().iterator().next()), 0)));
  }

  /** Forgets who signed in, so the next run asks again. */
  public Uni<Void> forget(String installationId) {
    return listed.keepOnly(installationId, RESOURCE, "", TYPE, List.of());
  }

  private Uni<OwnerIds> ask(String installationId) {
    return gateway
        .page(gateway.installationBase(installationId) + "/me?$select=id", false)
        .map(me -> me.path("id").asText())
        .call(id -> listed.keepOnly(installationId, RESOURCE, "", TYPE, List.of(id)))
        .map(id -> new OwnerIds(List.of(id), 1));
  }
}
