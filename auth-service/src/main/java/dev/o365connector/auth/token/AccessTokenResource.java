package dev.o365connector.auth.token;

import dev.o365connector.contracts.PlatformRoles;
import dev.o365connector.contracts.token.AccessTokenRequest;
import dev.o365connector.contracts.token.InstallationAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** {@code POST /installations/{id}/access-token}: only the gateway's identity holds the role. */
@Path("/installations/{id}/access-token")
public class AccessTokenResource {

  private final AccessTokenService tokens;

  AccessTokenResource(AccessTokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  @RolesAllowed(PlatformRoles.TOKENS_ISSUE)
  public Uni<InstallationAccess> issue(@PathParam("id") UUID id, AccessTokenRequest request) {
    return tokens.issue(id, request != null && request.forceRefresh());
  }
}
