package dev.o365connector.simulator.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Server-side refresh tokens: using one keeps it valid; revocation or inactivity ends it. */
public final class RefreshTokens {

  // Bounds memory in long benchmark runs; the least recently used tokens go first.
  private static final int MAX_TOKENS = 200_000;

  /** What a refresh token stands for: one user's consent to one client, in one tenant. */
  public record Grant(
      String tenantId, String userId, String clientId, Set<String> scopes, Instant issuedAt)
      implements DelegatedGrant {

    public Grant {
      scopes = Set.copyOf(scopes);
    }
  }

  /** Why a refresh token was accepted or refused. */
  public enum Status {
    VALID,
    UNKNOWN,
    OTHER_CLIENT,
    REVOKED,
    INACTIVE
  }

  /**
   * The outcome of presenting a token; {@code grant} is null only for {@code UNKNOWN}.
   *
   * @param revokedAt when it was revoked, for {@code REVOKED}
   * @param lastUsed when it was issued or last redeemed, before this use
   */
  public record Use(Status status, Grant grant, Instant revokedAt, Instant lastUsed) {}

  private static final class Entry {
    final Grant grant;
    Instant lastUsed;
    Instant revokedAt;

    Entry(Grant grant) {
      this.grant = grant;
      this.lastUsed = grant.issuedAt();
    }
  }

  private final Map<String, Entry> tokens =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_TOKENS;
        }
      };
  private final Clock clock;
  private final Duration inactivity;
  private long issued;

  public RefreshTokens(Clock clock, Duration inactivity) {
    this.clock = clock;
    this.inactivity = inactivity;
  }

  public synchronized String issue(Grant grant) {
    String token = OpaqueTokens.next(96);
    tokens.put(token, new Entry(grant));
    issued++;
    return token;
  }

  /** Checks {@code token} for {@code clientId}; a valid use counts as activity. */
  public synchronized Use use(String token, String clientId, Instant now) {
    Entry entry = token == null ? null : tokens.get(token);
    if (entry == null) {
      return new Use(Status.UNKNOWN, null, null, null);
    }
    Instant lastUsed = entry.lastUsed;
    if (!entry.grant.clientId().equals(clientId)) {
      return new Use(Status.OTHER_CLIENT, entry.grant, entry.revokedAt, lastUsed);
    }
    if (entry.revokedAt != null) {
      return new Use(Status.REVOKED, entry.grant, entry.revokedAt, lastUsed);
    }
    if (!now.isBefore(lastUsed.plus(inactivity))) {
      return new Use(Status.INACTIVE, entry.grant, null, lastUsed);
    }
    entry.lastUsed = now;
    return new Use(Status.VALID, entry.grant, null, lastUsed);
  }

  /**
   * Revokes every refresh token the user holds in the tenant, for every client, like "revoke
   * sessions" or a password reset: their next use fails with AADSTS50173. Tokens issued later (a
   * new sign-in) are valid.
   *
   * @return how many tokens were revoked
   */
  public synchronized int revokeRefreshTokens(String tenantId, String userId) {
    Instant now = clock.instant();
    int revoked = 0;
    for (Entry entry : tokens.values()) {
      if (entry.revokedAt == null
          && entry.grant.tenantId().equals(tenantId)
          && entry.grant.userId().equals(userId)) {
        entry.revokedAt = now;
        revoked++;
      }
    }
    return revoked;
  }

  /** Revokes every refresh token of every user, e.g. after an app's credentials were reset. */
  public synchronized int revokeAllRefreshTokens() {
    Instant now = clock.instant();
    int revoked = 0;
    for (Entry entry : tokens.values()) {
      if (entry.revokedAt == null) {
        entry.revokedAt = now;
        revoked++;
      }
    }
    return revoked;
  }

  /** Refresh tokens issued since start (sign-ins plus refreshes). */
  public synchronized long issuedCount() {
    return issued;
  }

  /** Tokens neither revoked nor expired by inactivity. */
  public synchronized long activeCount() {
    Instant now = clock.instant();
    return tokens.values().stream()
        .filter(e -> e.revokedAt == null && now.isBefore(e.lastUsed.plus(inactivity)))
        .count();
  }
}
