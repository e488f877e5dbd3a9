package dev.o365connector.sync.api;

import dev.o365connector.contracts.PlatformRoles;
import dev.o365connector.sync.error.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators' view of runs and cursors: never a link, token or Graph object. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(PlatformRoles.INSTALLATIONS_READ)
public class SyncResource {

  private final SyncQueries queries;

  SyncResource(SyncQueries queries) {
    this.queries = queries;
  }

  @GET
  @Path("syncs/{requestId}")
  public Uni<JsonObject> sync(@PathParam("requestId") String requestId) {
    return queries
        .run(requestId)
        .map(run -> run.orElseThrow(() -> new NotFound("Sync " + requestId)));
  }

  @GET
  @Path("installations/{id}/sync-state")
  public Uni<JsonObject> syncState(@PathParam("id") String installationId) {
    return queries
        .syncState(installationId)
        .map(state -> state.orElseThrow(() -> new NotFound("Installation " + installationId)));
  }
}
