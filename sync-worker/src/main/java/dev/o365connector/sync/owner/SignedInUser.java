package dev.o365connector.sync.owner;

import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.installation.known.KnownInstallation;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.sync.listing.ListedObjectStore;
import dev.o365connector.sync.listing.ListedObjectStore.ListingScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The user a DELEGATED installation reads as ({@code /me}): named by its installation event (auth-
 * service knows who signed in). Only for an installation announced before events carried it, it is
 * asked of Graph once, on the first run after a sign-in, and remembered in {@code listed_object}
 * (resource {@code users}, owner '', type {@code signedInUser}); a new sign-in (an ACTIVE event)
 * forgets it, as it may be someone else. Graph's {@code /me} needs a permission (User.Read.All
 * here) that an installation of mail alone does not have.
 */
@ApplicationScoped
public class SignedInUser {

  private static final String RESOURCE = Resource.USERS.value();
  private static final String TYPE = "signedInUser";

  private final GatewayClient gateway;
  private final ListedObjectStore listed;
  private final KnownInstallations installations;

  SignedInUser(GatewayClient gateway, ListedObjectStore listed, KnownInstallations installations) {
    this.gateway = gateway;
    this.listed = listed;
    this.installations = installations;
  }

  /** The signed-in user's id: from the installation event, else remembered, else from Graph. */
  public Uni<OwnerIds> of(String installationId) {
    return installations
        .find(installationId)
        .flatMap(
            known ->
                known.map(KnownInstallation::userId).isPresent()
                    ? Uni.createFrom().item(new OwnerIds(List.of(known.get().userId()), 0))
                    : remembered(installationId));
  }

  private Uni<OwnerIds> remembered(String installationId) {
    return listed
        .find(memory(installationId))
        .flatMap(
            known ->
                known.isEmpty()
                    ? ask(installationId)
                    : Uni.createFrom()
                        .item(new OwnerIds(List.of(known.keySet().iterator().next()), 0)));
  }

  /** Forgets who signed in, so the next run asks again. */
  public Uni<Void> forget(String installationId) {
    return listed.keepOnly(memory(installationId), List.of());
  }

  private Uni<OwnerIds> ask(String installationId) {
    return gateway
        .page(gateway.installationBase(installationId) + "/me?$select=id", false)
        .map(me -> me.path("id").asText())
        .call(id -> listed.keepOnly(memory(installationId), List.of(id)))
        .map(id -> new OwnerIds(List.of(id), 1));
  }

  /** Where the signed-in user is remembered: resource {@code users}, owner ''. */
  private static ListingScope memory(String installationId) {
    return new ListingScope(installationId, RESOURCE, "", TYPE);
  }
}
