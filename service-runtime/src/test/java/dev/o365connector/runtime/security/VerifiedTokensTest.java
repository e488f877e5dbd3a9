package dev.o365connector.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T10:00:00Z"));
  private final VerifiedTokens tokens = new VerifiedTokens(clock());

  @Test
  void servesAVerifiedIdentityUntilTheTokenExpires() {
    tokens.remember("t", identity(), now.get().plus(Duration.ofMinutes(2)));
    assertThat(tokens.get("t"))
        .hasValueSatisfying(i -> assertThat(i.hasRole("graph.read")).isTrue());
    assertThat(tokens.get("other")).isEmpty();
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(tokens.get("t")).isEmpty();
  }

  @Test
  void neverLongerThanMaxAgeEvenForLongLivedTokensAndReuseDoesNotExtendIt() {
    tokens.remember("t", identity(), now.get().plus(Duration.ofHours(1)));
    now.set(now.get().plus(VerifiedTokens.MAX_AGE.minusSeconds(1)));
    tokens.remember("t", identity(), now.get().plus(Duration.ofHours(1)));
    now.set(now.get().plusSeconds(1));
    assertThat(tokens.get("t")).isEmpty();
  }

  @Test
  void expiredTokensAreNotRemembered() {
    tokens.remember("t", identity(), now.get().minusSeconds(1));
    assertThat(tokens.get("t")).isEmpty();
  }

  @Test
  void staysBounded() {
    for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
      tokens.remember("t" + i, identity(), now.get().plus(Duration.ofMinutes(1)));
    }
    assertThat(tokens.get("t0")).isEmpty();
    assertThat(tokens.get("t" + VerifiedTokens.MAX_ENTRIES)).isPresent();
  }

  private static SecurityIdentity identity() {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal("sync-worker"))
        .addRole("graph.read")
        .build();
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }
}
