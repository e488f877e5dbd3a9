package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.DELEGATED_SCOPE;
import static dev.o365connector.simulator.identity.IdentityFixture.assertEntraError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.testing.PkcePair;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Code expiry and refresh-token inactivity, with lifetimes short enough to run out in a test. */
class LifetimeTest {

  private static IdentityFixture shortCodes;
  private static IdentityFixture shortRefresh;

  @BeforeAll
  static void start() {
    shortCodes = IdentityFixture.start(config(Duration.ofSeconds(1), Duration.ofDays(90)));
    // Inactivity of 3 s, refreshes every second: a 2 s margin for a loaded CI machine.
    shortRefresh = IdentityFixture.start(config(Duration.ofMinutes(10), Duration.ofSeconds(3)));
  }

  private static SimulatorConfig config(Duration codeLifetime, Duration refreshInactivity) {
    return SimulatorConfig.defaults()
        .withAccessTokenLifetime(Duration.ofMinutes(5))
        .withAuthorizationCodeLifetime(codeLifetime)
        .withRefreshTokenInactivity(refreshInactivity);
  }

  @AfterAll
  static void stop() {
    shortCodes.stop();
    shortRefresh.stop();
  }

  @Test
  void anExpiredCodeIsRefused() throws InterruptedException {
    PkcePair pkce = PkcePair.generate();
    String code = shortCodes.code(pkce, DELEGATED_SCOPE);

    Thread.sleep(1_100);

    assertEntraError(
        shortCodes.token(shortCodes.redemption(code, pkce)), 400, "invalid_grant", 70008);
  }

  @Test
  void accessTokenLifetimeComesFromTheConfig() {
    JsonObject tokens = shortRefresh.signIn(DELEGATED_SCOPE);

    assertThat(tokens.getLong("expires_in")).isEqualTo(300L);
    JsonObject claims = shortRefresh.verifier().verify(tokens.getString("access_token"));
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300L);
  }

  @Test
  void anUnusedRefreshTokenExpiresButUseKeepsItAlive() throws InterruptedException {
    String used = shortRefresh.signIn(DELEGATED_SCOPE).getString("refresh_token");
    String unused = shortRefresh.signIn(DELEGATED_SCOPE).getString("refresh_token");
    for (int i = 0; i < 4; i++) {
      Thread.sleep(1_000);
      assertThat(shortRefresh.token(shortRefresh.refresh(used)).statusCode()).isEqualTo(200);
    }

    assertEntraError(
        shortRefresh.token(shortRefresh.refresh(unused)), 400, "invalid_grant", 700082);
    assertThat(
            new JsonObject(shortRefresh.token(shortRefresh.refresh(unused)).asString())
                .getString("error_description"))
        .contains("was inactive for 0.00:00:0");
  }
}
