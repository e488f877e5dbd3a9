package dev.o365connector.auth.microsoft;

import java.time.Duration;

/**
 * How patiently the token client waits and retries.
 *
 * @param maxRetries retries of a transient failure after the first attempt
 * @param initialBackoff the wait before the first retry, doubling (with jitter) up to {@code
 *     maxBackoff}
 * @param timeout how long one attempt may take, connecting included
 * @param maxClients how many per-tenant token clients stay open; the least recently used close
 */
record EntraPolicy(
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration timeout,
    int maxClients) {

  EntraPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("o365.auth.entra.max-retries must be >= 0");
    }
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "o365.auth.entra.initial-backoff must be > 0 and <= o365.auth.entra.max-backoff");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("o365.auth.entra.timeout must be > 0");
    }
    if (maxClients < 1) {
      throw new IllegalArgumentException("o365.auth.entra.max-clients must be >= 1");
    }
  }
}
