package dev.o365connector.sync.owner;

import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.installation.known.KnownInstallation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whose mailboxes, calendars and drives a run covers: the signed-in user for DELEGATED (under
 * {@code /me}, remembered after the first run); for APPLICATION the request's {@code userIds}, else
 * every user of the tenant from the {@link OwnerDirectory}.
 */
@ApplicationScoped
public class Owners {

  private final GatewayClient gateway;
  private final OwnerDirectory directory;
  private final SignedInUser signedIn;

  Owners(GatewayClient gateway, OwnerDirectory directory, SignedInUser signedIn) {
    this.gateway = gateway;
    this.directory = directory;
    this.signedIn = signedIn;
  }

  /**
   * The owners of one run, found when a resource first asks (a users-only run never does) and then
   * shared by the run's resources.
   */
  public RunOwners of(KnownInstallation installation, SyncRequest request) {
    String base = gateway.installationBase(installation.id());
    if (installation.type() == InstallationType.DELEGATED) {
      return new RunOwners(
          Uni.createFrom().deferred(() -> signedIn.of(installation.id())),
          id -> new Owner(id, base + "/me"));
    }
    Uni<OwnerIds> ids =
        request.userIds() != null && !request.userIds().isEmpty()
            ? Uni.createFrom().item(new OwnerIds(request.userIds(), 0))
            : Uni.createFrom()
                .deferred(() -> directory.follow(installation.id(), request.requestId()));
    return new RunOwners(ids, id -> new Owner(id, base + "/users/" + id));
  }
}
