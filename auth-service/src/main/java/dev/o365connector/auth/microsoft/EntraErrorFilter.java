package dev.o365connector.auth.microsoft;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an error answer of Entra's token endpoint to an {@link EntraOidcClients} client into an
 * {@link EntraException} while its HTTP status is known: quarkus-oidc-client itself keeps only the
 * body, as the message of an {@code OidcClientException}. Other OIDC clients pass untouched.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
class EntraErrorFilter implements OidcResponseFilter {

  // Where quarkus-oidc-client puts the client's id among the request properties.
  private static final String CLIENT_ID_PROPERTY = "client-id";

  @Override
  public Uni<Void> filter(OidcResponseFilterContext context) {
    String clientId = context.requestProperties().getString(CLIENT_ID_PROPERTY);
    if (context.statusCode() == 200
        || clientId == null
        || !clientId.startsWith(EntraOidcClients.ID_PREFIX)) {
      return Uni.createFrom().voidItem();
    }
    Buffer body = context.responseBody();
    return Uni.createFrom()
        .failure(
            EntraErrorClassifier.classify(
                context.requestProperties().getString(OidcConstants.GRANT_TYPE),
                context.statusCode(),
                body == null ? null : body.toString()));
  }
}
