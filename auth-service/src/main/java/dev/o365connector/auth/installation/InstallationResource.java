package dev.o365connector.auth.installation;

import dev.o365connector.auth.error.ApiProblem;
import dev.o365connector.contracts.PlatformRoles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The installation API for the platform's services (roles of the platform's OIDC provider). */
@Path("/installations")
public class InstallationResource {

  static final String READ = PlatformRoles.INSTALLATIONS_READ;
  static final String WRITE = PlatformRoles.INSTALLATIONS_WRITE;

  private final InstallationService service;

  InstallationResource(InstallationService service) {
    this.service = service;
  }

  @POST
  @RolesAllowed(WRITE)
  public Uni<RestResponse<InstallationView>> create(
      @Valid @NotNull CreateInstallationRequest request) {
    return service
        .create(request)
        .map(
            view ->
                RestResponse.ResponseBuilder.<InstallationView>created(
                        URI.create("/installations/" + view.id()))
                    .entity(view)
                    .build());
  }

  @GET
  @RolesAllowed(READ)
  @Path("/{id}")
  public Uni<InstallationView> get(@PathParam("id") UUID id) {
    return service.get(id);
  }

  @GET
  @RolesAllowed(READ)
  public Uni<List<InstallationView>> list(@QueryParam("accountId") String accountId) {
    if (accountId == null || accountId.isBlank()) {
      throw ApiProblem.invalid("accountId: required");
    }
    return service.list(accountId);
  }

  @POST
  @RolesAllowed(WRITE)
  @Path("/{id}/consent")
  public Uni<InstallationView> consent(@PathParam("id") UUID id) {
    return service.consent(id);
  }

  @DELETE
  @RolesAllowed(WRITE)
  @Path("/{id}")
  public Uni<Response> uninstall(@PathParam("id") UUID id) {
    return service.uninstall(id).replaceWith(Response.noContent().build());
  }
}
