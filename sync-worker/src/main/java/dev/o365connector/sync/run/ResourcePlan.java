package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.installation.KnownInstallation;
import dev.o365connector.sync.resource.Owners;
import dev.o365connector.sync.resource.files.FileChanges;
import dev.o365connector.sync.resource.users.UserChanges;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which delta scopes a resource of an installation consists of. Users are one tenant-wide scope
 * ({@code /users/delta}); files one drive root delta per owner ({@code /me/drive/root/delta}, or
 * per user of the tenant for APPLICATION). Mail and calendar come with later steps of the
 * sync-worker issue; until then a run reports them as not supported.
 */
@ApplicationScoped
public class ResourcePlan {

  /** The resources this worker version can sync. */
  public static final Set<Resource> SUPPORTED = EnumSet.of(Resource.USERS, Resource.FILES);

  private final GatewayClient gateway;
  private final Owners owners;

  ResourcePlan(GatewayClient gateway, Owners owners) {
    this.gateway = gateway;
    this.owners = owners;
  }

  /** The scopes of {@code resource}; empty when this worker cannot sync it yet. */
  public Uni<Optional<List<DeltaScope>>> scopes(
      Resource resource, ChangeScope changes, KnownInstallation installation, SyncRequest request) {
    String installationId = changes.installationId();
    return switch (resource) {
      case USERS ->
          Uni.createFrom()
              .item(
                  Optional.of(
                      List.of(
                          new DeltaScope(
                              Resource.USERS,
                              new CursorScope(installationId, Resource.USERS.value(), "", ""),
                              changes,
                              gateway.installationBase(installationId) + "/users/delta",
                              false,
                              UserChanges::of))));
      case FILES ->
          owners
              .of(installation, request)
              .map(
                  list ->
                      Optional.of(
                          list.stream()
                              .map(
                                  owner ->
                                      new DeltaScope(
                                          Resource.FILES,
                                          new CursorScope(
                                              installationId,
                                              Resource.FILES.value(),
                                              owner.id(),
                                              ""),
                                          new ChangeScope(
                                              installationId,
                                              changes.tenantId(),
                                              owner.id(),
                                              changes.syncRequestId(),
                                              false),
                                          owner.base() + "/drive/root/delta",
                                          false,
                                          FileChanges::of))
                              .toList()));
      case MAIL, CALENDAR -> Uni.createFrom().item(Optional.empty());
    };
  }
}
