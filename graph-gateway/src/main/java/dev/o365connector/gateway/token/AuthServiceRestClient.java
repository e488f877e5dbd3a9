package dev.o365connector.gateway.token;

import dev.o365connector.contracts.token.AccessTokenRequest;
import dev.o365connector.contracts.token.InstallationAccess;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's token endpoint, called with the gateway's own platform token. */
@RegisterRestClient(configKey = "auth-service")
@OidcClientFilter
@Path("/installations/{id}/access-token")
interface AuthServiceRestClient {

  @POST
  Uni<InstallationAccess> issue(@PathParam("id") String installationId, AccessTokenRequest request);
}
