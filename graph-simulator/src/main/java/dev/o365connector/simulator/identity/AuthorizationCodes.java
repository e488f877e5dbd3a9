package dev.o365connector.simulator.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Issued authorization codes: single use, short-lived, bound to what the authorize call asked. */
public final class AuthorizationCodes {

  // Redeemed and expired codes are kept this long so a replay still answers AADSTS54005.
  private static final Duration REMEMBER_AFTER_EXPIRY = Duration.ofHours(1);

  /** What a code stands for. */
  public record Grant(
      String tenantId,
      String userId,
      String clientId,
      String redirectUri,
      String codeChallenge,
      Set<String> scopes,
      String nonce,
      Instant expiresAt)
      implements DelegatedGrant {

    public Grant {
      scopes = Set.copyOf(scopes);
    }
  }

  /** The outcome of a redemption; {@code grant} is set for every status but {@code UNKNOWN}. */
  public record Redemption(Status status, Grant grant) {}

  /** Why a redemption succeeded or failed. */
  public enum Status {
    REDEEMED,
    UNKNOWN,
    OTHER_CLIENT,
    ALREADY_REDEEMED,
    EXPIRED
  }

  private static final class Entry {
    final Grant grant;
    boolean redeemed;

    Entry(Grant grant) {
      this.grant = grant;
    }
  }

  private final Map<String, Entry> codes = new LinkedHashMap<>();
  private long issued;

  public synchronized String issue(Grant grant, Instant now) {
    prune(now);
    String code = OpaqueTokens.next(48);
    codes.put(code, new Entry(grant));
    issued++;
    return code;
  }

  /**
   * Marks the code used unless another client presents it: once its own client tried, even a
   * failing redemption (say, a wrong {@code code_verifier}) has burnt it.
   */
  public synchronized Redemption redeem(String code, String clientId, Instant now) {
    Entry entry = code == null ? null : codes.get(code);
    if (entry == null) {
      return new Redemption(Status.UNKNOWN, null);
    }
    if (!entry.grant.clientId().equals(clientId)) {
      return new Redemption(Status.OTHER_CLIENT, entry.grant);
    }
    if (entry.redeemed) {
      return new Redemption(Status.ALREADY_REDEEMED, entry.grant);
    }
    entry.redeemed = true;
    if (!now.isBefore(entry.grant.expiresAt())) {
      return new Redemption(Status.EXPIRED, entry.grant);
    }
    return new Redemption(Status.REDEEMED, entry.grant);
  }

  /** How many codes were issued since start. */
  public synchronized long issuedCount() {
    return issued;
  }

  // Codes are issued in expiry order (one lifetime), so the oldest come first.
  private void prune(Instant now) {
    Iterator<Entry> entries = codes.values().iterator();
    while (entries.hasNext()) {
      Entry entry = entries.next();
      if (entry.grant.expiresAt().plus(REMEMBER_AFTER_EXPIRY).isAfter(now)) {
        return;
      }
      entries.remove();
    }
  }
}
