package dev.o365connector.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platform bearer tokens whose signature and claims quarkus-oidc has already verified, with the
 * identity they gave, until the token expires but at most {@link #MAX_AGE} (so a signing key the
 * provider withdraws stops being honoured within minutes). Internal callers reuse one token for
 * many requests; verifying its RS256 signature and parsing its claims on each of them was most of
 * the gateway's CPU.
 */
@ApplicationScoped
public class VerifiedTokens {

  static final Duration MAX_AGE = Duration.ofMinutes(5);
  static final int MAX_ENTRIES = 10_000;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public VerifiedTokens() {
    this(Clock.systemUTC());
  }

  VerifiedTokens(Clock clock) {
    this.clock = clock;
  }

  /** The identity {@code token} was verified to carry, while it is still valid. */
  public Optional<SecurityIdentity> get(String token) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      entries.remove(token, entry);
      return Optional.empty();
    }
    return Optional.of(entry.identity());
  }

  /** Remembers a verified token's identity until {@code expiresAt} (or {@link #MAX_AGE}). */
  public void remember(String token, SecurityIdentity identity, Instant expiresAt) {
    Instant now = clock.instant();
    Instant until = expiresAt.isBefore(now.plus(MAX_AGE)) ? expiresAt : now.plus(MAX_AGE);
    if (!until.isAfter(now)) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      // Far more distinct tokens than internal callers exist: start over rather than grow.
      entries.clear();
    }
    // The first verification's age counts: a cached identity never extends its own entry.
    entries.putIfAbsent(token, new Entry(detached(identity), until));
  }

  /** The identity without request-bound attributes, so it can serve later requests. */
  private static SecurityIdentity detached(SecurityIdentity identity) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(identity.getPrincipal())
        .addRoles(identity.getRoles())
        .addCredentials(identity.getCredentials())
        .setAnonymous(false)
        .build();
  }

  private record Entry(SecurityIdentity identity, Instant until) {}
}
