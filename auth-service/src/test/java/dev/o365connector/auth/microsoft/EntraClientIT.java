package dev.o365connector.auth.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.o365connector.auth.microsoft.SimulatorControl.SignIn;
import dev.o365connector.auth.microsoft.SimulatorControl.Tenant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EntraClientIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String MAIL_READ = "https://graph.microsoft.com/Mail.Read";

  @Inject EntraClient entra;
  @Inject OidcClients oidcClients;
  @Inject MeterRegistry registry;
  @Inject Vertx vertx;

  @ConfigProperty(name = "o365.simulator.base-url")
  String baseUrl;

  @ConfigProperty(name = "o365.simulator.app.client-id")
  String clientId;

  @ConfigProperty(name = "o365.simulator.app.client-secret")
  String clientSecret;

  @ConfigProperty(name = "o365.simulator.app.redirect-uri")
  String redirectUri;

  private SimulatorControl simulator;
  private Tenant tenant;
  private final List<String> faults = new ArrayList<>();
  private final List<EntraClient> ownClients = new ArrayList<>();

  @BeforeEach
  void seedTenant() {
    simulator = new SimulatorControl(baseUrl, clientId, redirectUri);
    tenant = simulator.seedTenant();
  }

  @AfterEach
  void cleanUp() {
    faults.forEach(simulator::removeFault);
    ownClients.forEach(EntraClient::close);
  }

  @Test
  void redeemsACodeForDelegatedTokens() {
    SignIn signIn = simulator.signIn(tenant);

    EntraTokens tokens =
        await(entra.redeemCode("organizations", signIn.code(), signIn.codeVerifier()));

    assertThat(tokens.refreshToken()).isNotBlank();
    assertThat(tokens.expiresAt()).isAfter(Instant.now().plusSeconds(60));
    assertThat(tokens.scopes()).contains(MAIL_READ, "openid", "offline_access");
    TokenClaims id = tokens.idTokenClaims().orElseThrow();
    assertThat(id.tenantId()).contains(tenant.id());
    assertThat(id.objectId()).isPresent();
    assertThat(id.username())
        .hasValueSatisfying(u -> assertThat(u).endsWith("@" + tenant.domain()));
    assertThat(tokens.accessTokenClaims().scopes()).contains("Mail.Read");
  }

  @Test
  void aReplayedCodeIsAnInvalidRequest() {
    SignIn signIn = simulator.signIn(tenant);
    await(entra.redeemCode("organizations", signIn.code(), signIn.codeVerifier()));
    double failures = grants("authorization_code", "invalid_request");

    EntraException replay =
        failure(entra.redeemCode("organizations", signIn.code(), signIn.codeVerifier()));

    assertThat(replay.kind()).isEqualTo(EntraFailure.INVALID_REQUEST);
    assertThat(replay.error()).isEqualTo("invalid_grant");
    assertThat(replay.errorCodes()).containsExactly(54005);
    assertThat(replay.httpStatus()).isEqualTo(400);
    assertThat(replay.description()).startsWith("AADSTS54005:");
    assertThat(grants("authorization_code", "invalid_request")).isEqualTo(failures + 1);
  }

  @Test
  void refreshesUntilTheRefreshTokensAreRevoked() {
    SignIn signIn = simulator.signIn(tenant);
    EntraTokens first =
        await(entra.redeemCode("organizations", signIn.code(), signIn.codeVerifier()));

    EntraTokens refreshed = await(entra.refresh(tenant.id(), first.refreshToken()));

    assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
    assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(refreshed.scopes()).contains(MAIL_READ);

    String userId = first.idTokenClaims().orElseThrow().objectId().orElseThrow();
    simulator.revokeRefreshTokens(tenant, userId);
    EntraException revoked = failure(entra.refresh(tenant.id(), refreshed.refreshToken()));

    assertThat(revoked.kind()).isEqualTo(EntraFailure.REAUTH_REQUIRED);
    assertThat(revoked.errorCodes()).containsExactly(50173);
    assertThat(revoked.error()).isEqualTo("invalid_grant");
  }

  @Test
  void clientCredentialsNeedAdminConsent() {
    long failedBefore = simulator.failedTokenRequests(tenant);

    EntraException notInstalled = failure(entra.clientCredentials(tenant.id()));

    assertThat(notInstalled.kind()).isEqualTo(EntraFailure.NOT_INSTALLED);
    assertThat(notInstalled.errorCodes()).containsExactly(7000229);
    // Not transient, so asked once.
    assertThat(simulator.failedTokenRequests(tenant)).isEqualTo(failedBefore + 1);

    simulator.grantAdminConsent(tenant);
    EntraTokens tokens = await(entra.clientCredentials(tenant.id()));

    assertThat(tokens.refreshToken()).isNull();
    assertThat(tokens.accessTokenClaims().tenantId()).contains(tenant.id());
    assertThat(tokens.accessTokenClaims().roles()).contains("Mail.Read");
  }

  @Test
  void aTransientFailureIsRetried() {
    simulator.grantAdminConsent(tenant);
    String fault = fault(Map.of("status", 503, "count", 1));
    double successes = grants("client_credentials", "success");

    EntraTokens tokens = await(entra.clientCredentials(tenant.id()));

    assertThat(tokens.accessTokenClaims().roles()).contains("Mail.Read");
    assertThat(simulator.fired(fault)).isEqualTo(1);
    assertThat(grants("client_credentials", "success")).isEqualTo(successes + 1);
  }

  @Test
  void aPersistentTransientFailureGivesUpAfterTheRetries() {
    simulator.grantAdminConsent(tenant);
    String fault = fault(Map.of("status", 503, "count", 10));
    EntraClient client =
        client(app(clientSecret, Optional.empty()), policy(2, Duration.ofSeconds(5)));

    EntraException unavailable = failure(client.clientCredentials(tenant.id()));

    assertThat(unavailable.kind()).isEqualTo(EntraFailure.TRANSIENT);
    assertThat(unavailable.httpStatus()).isEqualTo(503);
    assertThat(unavailable.error()).isEqualTo("temporarily_unavailable");
    assertThat(simulator.fired(fault)).isEqualTo(3);
  }

  @Test
  void anAttemptThatTakesTooLongIsAbandonedAndRetried() {
    simulator.grantAdminConsent(tenant);
    String fault = fault(Map.of("latencyMs", 3000, "count", 1));
    EntraClient client =
        client(app(clientSecret, Optional.empty()), policy(1, Duration.ofMillis(700)));

    long start = System.nanoTime();
    EntraTokens tokens = await(client.clientCredentials(tenant.id()));

    assertThat(tokens.accessTokenClaims().roles()).contains("Mail.Read");
    assertThat(simulator.fired(fault)).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void anUnreachableEntraIsTransient() {
    EntraApp nowhere =
        new EntraApp("http://127.0.0.1:1", clientId, clientSecret, Optional.empty(), redirectUri);
    EntraClient client = client(nowhere, policy(1, Duration.ofSeconds(5)));

    EntraException unreachable = failure(client.clientCredentials(tenant.id()));

    assertThat(unreachable.kind()).isEqualTo(EntraFailure.TRANSIENT);
    assertThat(unreachable.httpStatus()).isEqualTo(EntraException.NO_RESPONSE);
  }

  @Test
  void aRejectedSecretFallsBackToThePreviousOne() {
    simulator.grantAdminConsent(tenant);
    EntraClient rotating = client(app("not-yet-valid", Optional.of(clientSecret)), policy(0, WAIT));

    EntraTokens tokens = await(rotating.clientCredentials(tenant.id()));

    assertThat(tokens.accessTokenClaims().roles()).contains("Mail.Read");
  }

  @Test
  void aRejectedSecretWithoutFallbackIsAPlatformAlarm() {
    simulator.grantAdminConsent(tenant);
    double alarms = grants("client_credentials", "invalid_client");
    EntraClient wrong = client(app("wrong", Optional.of("also-wrong")), policy(3, WAIT));
    long failedBefore = simulator.failedTokenRequests(tenant);

    EntraException rejected = failure(wrong.clientCredentials(tenant.id()));

    assertThat(rejected.kind()).isEqualTo(EntraFailure.INVALID_CLIENT);
    assertThat(rejected.errorCodes()).containsExactly(7000215);
    assertThat(rejected.httpStatus()).isEqualTo(401);
    assertThat(rejected.getMessage()).doesNotContain("wrong");
    // The current secret, then the previous one; never retried as if transient.
    assertThat(simulator.failedTokenRequests(tenant)).isEqualTo(failedBefore + 2);
    assertThat(grants("client_credentials", "invalid_client")).isEqualTo(alarms + 1);
  }

  @Test
  void tenantsBeyondTheClientBoundGetTheirTokensToo() {
    Tenant other = simulator.seedTenant();
    simulator.grantAdminConsent(tenant);
    simulator.grantAdminConsent(other);
    EntraClient oneClient =
        client(
            app(clientSecret, Optional.empty()),
            new EntraPolicy(0, Duration.ofMillis(50), Duration.ofMillis(50), WAIT, 1));

    for (Tenant next : List.of(tenant, other, tenant)) {
      assertThat(await(oneClient.clientCredentials(next.id())).accessTokenClaims().tenantId())
          .contains(next.id());
    }
  }

  @Test
  void theResultArrivesOnTheCallersVertxContext() throws Exception {
    simulator.grantAdminConsent(tenant);
    fault(Map.of("status", 503, "count", 1));
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Boolean> sameContext = new CompletableFuture<>();

    context.runOnContext(
        ignored ->
            entra
                .clientCredentials(tenant.id())
                .subscribe()
                .with(
                    tokens -> sameContext.complete(Vertx.currentContext() == context),
                    sameContext::completeExceptionally));

    assertThat(sameContext.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private String fault(Map<String, Object> rule) {
    String id = simulator.addTokenFault(tenant, rule);
    faults.add(id);
    return id;
  }

  private EntraApp app(String secret, Optional<String> previous) {
    return new EntraApp(baseUrl, clientId, secret, previous, redirectUri);
  }

  private static EntraPolicy policy(int maxRetries, Duration timeout) {
    return new EntraPolicy(maxRetries, Duration.ofMillis(50), Duration.ofMillis(200), timeout, 10);
  }

  private EntraClient client(EntraApp app, EntraPolicy policy) {
    EntraClient client = new EntraClient(app, policy, oidcClients, registry);
    ownClients.add(client);
    return client;
  }

  private double grants(String grant, String outcome) {
    Counter counter =
        registry
            .find("o365.auth.entra.grants")
            .tag("grant", grant)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static <T> T await(Uni<T> uni) {
    return uni.await().atMost(WAIT);
  }

  private static EntraException failure(Uni<?> uni) {
    EntraException failure = catchThrowableOfType(EntraException.class, () -> await(uni));
    assertThat(failure).as("an EntraException").isNotNull();
    return failure;
  }
}
