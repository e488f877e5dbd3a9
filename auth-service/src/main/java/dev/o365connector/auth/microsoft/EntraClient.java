package dev.o365connector.auth.microsoft;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.microsoft.EntraApp.SecretSlot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The only way auth-service talks to Entra ID's token endpoint. Every call has a timeout, retries
 * transient failures with exponential back-off and jitter, falls back to the previous client secret
 * during a rotation, and fails only with an {@link EntraException}. Results arrive on the caller's
 * Vert.x context (Quarkus runs Mutiny's delays there), so reactive sessions can chain on them. A
 * malformed tenant throws {@link IllegalArgumentException} at once.
 */
@ApplicationScoped
public class EntraClient {

  private static final Logger LOG = Logger.getLogger(EntraClient.class);
  // A tenant GUID, a domain or organizations/common: it becomes a URL path segment.
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
  private static final int SECRET_REJECTED = 7000215;

  private final EntraApp app;
  private final EntraPolicy policy;
  private final EntraOidcClients clients;
  private final MeterRegistry registry;

  @Inject
  EntraClient(AuthConfig config, OidcClients oidcClients, MeterRegistry registry) {
    this(
        EntraApp.of(config),
        new EntraPolicy(
            config.entra().maxRetries(),
            config.entra().initialBackoff(),
            config.entra().maxBackoff(),
            config.entra().timeout(),
            config.entra().maxClients()),
        oidcClients,
        registry);
  }

  EntraClient(EntraApp app, EntraPolicy policy, OidcClients oidcClients, MeterRegistry registry) {
    this.app = app;
    this.policy = policy;
    this.clients = new EntraOidcClients(oidcClients, app, policy);
    this.registry = registry;
  }

  /**
   * Redeems an authorization code (authorization_code grant with PKCE) for the app's callback URL.
   *
   * @param tenant where the sign-in started: a tenant id or domain, or {@code organizations}
   */
  public Uni<EntraTokens> redeemCode(String tenant, String code, String codeVerifier) {
    Map<String, String> params =
        Map.of(
            "code", Objects.requireNonNull(code, "code"),
            "redirect_uri", app.redirectUri(),
            "code_verifier", Objects.requireNonNull(codeVerifier, "codeVerifier"));
    return call(tenant, EntraGrant.AUTHORIZATION_CODE, client -> client.getTokens(params));
  }

  /** An app-only token for Microsoft Graph ({@code .default}) in {@code tenantId}. */
  public Uni<EntraTokens> clientCredentials(String tenantId) {
    return call(tenantId, EntraGrant.CLIENT_CREDENTIALS, OidcClient::getTokens);
  }

  /** New tokens, including a new refresh token to keep instead of {@code refreshToken}. */
  public Uni<EntraTokens> refresh(String tenantId, String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return call(tenantId, EntraGrant.REFRESH_TOKEN, client -> client.refreshTokens(refreshToken));
  }

  @PreDestroy
  void close() {
    clients.close();
  }

  private Uni<EntraTokens> call(
      String tenant, EntraGrant grant, Function<OidcClient, Uni<Tokens>> request) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("Not a tenant id, domain or organizations: " + tenant);
    }
    return withRetries(tenant, grant, SecretSlot.CURRENT, request)
        .onFailure(this::secretRejected)
        .recoverWithUni(
            rejected -> {
              LOG.warnf(
                  "Entra rejects the current client secret of app %s (AADSTS%d); using"
                      + " the previous one. Finish the rotation: set"
                      + " O365_CLIENT_SECRET to a secret Entra accepts.",
                  app.clientId(), SECRET_REJECTED);
              return withRetries(tenant, grant, SecretSlot.PREVIOUS, request);
            })
        .invoke(tokens -> count(grant, "success"))
        .onFailure()
        .invoke(failure -> report(tenant, grant, (EntraException) failure));
  }

  private Uni<EntraTokens> withRetries(
      String tenant, EntraGrant grant, SecretSlot slot, Function<OidcClient, Uni<Tokens>> request) {
    Uni<EntraTokens> attempt =
        Uni.createFrom()
            .deferred(
                () -> clients.client(tenant, grant, slot).chain(client -> request.apply(client)))
            .ifNoItem()
            .after(policy.timeout())
            .failWith(
                () ->
                    EntraErrorClassifier.noAnswer(
                        "Entra's token endpoint did not answer within " + policy.timeout()))
            .map(EntraTokens::of)
            .onFailure()
            .transform(failure -> EntraErrorClassifier.fromFailure(grant.grantType(), failure));
    if (policy.maxRetries() == 0) {
      return attempt;
    }
    return attempt
        .onFailure(EntraClient::isTransient)
        .invoke(
            failure -> LOG.debugf("The %s grant failed for now: %s", grant.grantType(), failure))
        .onFailure(EntraClient::isTransient)
        .retry()
        .withBackOff(policy.initialBackoff(), policy.maxBackoff())
        .withJitter(0.5)
        .atMost(policy.maxRetries())
        // Mutiny reports exhausted retries as an IllegalStateException caused by the last failure.
        .onFailure(
            failure ->
                failure instanceof IllegalStateException
                    && failure.getCause() instanceof EntraException)
        .transform(Throwable::getCause);
  }

  private boolean secretRejected(Throwable failure) {
    return app.previousSecret().isPresent()
        && failure instanceof EntraException entra
        && entra.kind() == EntraFailure.INVALID_CLIENT
        && entra.hasCode(SECRET_REJECTED);
  }

  private static boolean isTransient(Throwable failure) {
    return failure instanceof EntraException entra && entra.kind() == EntraFailure.TRANSIENT;
  }

  private void report(String tenant, EntraGrant grant, EntraException failure) {
    count(grant, failure.kind().tag());
    if (failure.kind() == EntraFailure.INVALID_CLIENT) {
      LOG.errorf(
          "Platform alarm: Entra rejects the credentials of app %s (%s %s), so every tenant's"
              + " token requests fail. Check O365_CLIENT_ID and O365_CLIENT_SECRET.",
          app.clientId(), failure.error(), failure.errorCodes());
    } else {
      LOG.debugf("The %s grant at %s failed: %s", grant.grantType(), tenant, failure.getMessage());
    }
  }

  private void count(EntraGrant grant, String outcome) {
    Counter.builder("o365.auth.entra.grants")
        .description("Token requests to Entra ID, by grant and outcome")
        .tag("grant", grant.grantType())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
