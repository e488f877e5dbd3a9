package dev.o365connector.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.token.InstallationAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final AccessTokenCache cache = new AccessTokenCache(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void servesATokenThatIsFarFromExpiry() {
    InstallationAccess token =
        InstallationAccessFixtures.access("t1", NOW.plus(Duration.ofMinutes(30)));
    cache.put("inst", token);

    assertThat(cache.get("inst")).contains(token);
  }

  @Test
  void dropsATokenInsideTheExpiryMargin() {
    cache.put(
        "inst", InstallationAccessFixtures.access("t1", NOW.plus(AccessTokenCache.EXPIRY_MARGIN)));

    assertThat(cache.get("inst")).isEmpty();
  }

  @Test
  void evictionForgetsOnlyThatInstallation() {
    InstallationAccess other =
        InstallationAccessFixtures.access("t2", NOW.plus(Duration.ofHours(1)));
    cache.put("inst", InstallationAccessFixtures.access("t1", NOW.plus(Duration.ofHours(1))));
    cache.put("other", other);

    cache.evict("inst");

    assertThat(cache.get("inst")).isEmpty();
    assertThat(cache.get("other")).contains(other);
  }

  @Test
  void neverPrintsTheTokenItself() {
    assertThat(InstallationAccessFixtures.access("secret-token", NOW).toString())
        .doesNotContain("secret");
  }
}
