package dev.o365connector.simulator.identity;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of identity outcomes: {@code token.<grant_type>}, {@code error.<AADSTS code>}, ... */
public final class IdentityCounters {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  void increment(String key) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  /** Counts a failure answered with {@code error}, whichever endpoint answered it. */
  void failed(EntraError error) {
    increment(errorKey(error.code()));
  }

  public long get(String key) {
    AtomicLong count = counts.get(key);
    return count == null ? 0 : count.get();
  }

  /** Tokens issued by {@code grantType} ({@code authorization_code}, {@code refresh_token}...). */
  public long tokensIssued(String grantType) {
    return get("token." + grantType);
  }

  /** Failures answered with AADSTS{@code code}, on any endpoint. */
  public long errors(int code) {
    return get(errorKey(code));
  }

  private static String errorKey(int code) {
    return "error." + code;
  }

  /** Every counter, sorted by key. */
  public Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((key, count) -> snapshot.put(key, count.get()));
    return snapshot;
  }

  /** Sets every counter back to zero, as {@code DELETE /_sim/stats} does. */
  public void reset() {
    counts.clear();
  }
}
