package dev.o365connector.gateway.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per throttling scope (a mailbox, or an installation for tenant-wide routes), until
 * when Graph asked for quiet after a 429, so the requests queued behind the throttled one wait too
 * instead of hammering Graph and extending the penalty.
 */
@ApplicationScoped
public class ThrottleBackoff {

  private final Map<String, Instant> quietUntil = new ConcurrentHashMap<>();
  private final Clock clock;

  ThrottleBackoff(Clock clock) {
    this.clock = clock;
  }

  /** Graph throttled {@code scope} for {@code retryAfter}. */
  public void throttled(String scope, Duration retryAfter) {
    Instant until = clock.instant().plus(retryAfter);
    quietUntil.merge(scope, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** How long a request for {@code scope} must still wait; zero when it may go. */
  public Duration remaining(String scope) {
    Instant until = quietUntil.get(scope);
    if (until == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      quietUntil.remove(scope, until);
      return Duration.ZERO;
    }
    return left;
  }
}
