package dev.o365connector.runtime.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers each bearer token quarkus-oidc verified, with its identity, in {@link VerifiedTokens}.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

  private final VerifiedTokens verified;

  VerifiedTokenRecorder(VerifiedTokens verified) {
    this.verified = verified;
  }

  @Override
  public int priority() {
    return Integer.MIN_VALUE; // last: remember the identity as every other augmentor left it
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
    if (!identity.isAnonymous()
        && token != null
        && identity.getPrincipal() instanceof JsonWebToken jwt
        && jwt.getExpirationTime() > 0) {
      verified.remember(token.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
    }
    return Uni.createFrom().item(identity);
  }
}
