package dev.o365connector.runtime.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token from {@link VerifiedTokens} before quarkus-oidc's provider is asked;
 * returns nothing for an unknown token, so quarkus-oidc verifies it as usual.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final VerifiedTokens verified;

  CachedTokenIdentityProvider(VerifiedTokens verified) {
    this.verified = verified;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public int priority() {
    return SYSTEM_FIRST + 1; // before quarkus-oidc's
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return Uni.createFrom().item(verified.get(request.getToken().getToken()).orElse(null));
  }
}
