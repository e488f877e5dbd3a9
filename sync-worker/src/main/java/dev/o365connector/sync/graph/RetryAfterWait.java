package dev.o365connector.sync.graph;

import dev.o365connector.runtime.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;

/**
 * How long to wait before asking again after a 429, 503 or 504 the gateway passed through, from its
 * {@code Retry-After}: a number of seconds, or an HTTP date to wait until. Never less than a
 * second; without a header the worker can read, 5 seconds. The reading is the runtime's {@link
 * RetryAfter}, the same as the gateway's.
 */
final class RetryAfterWait {

  static final Duration FALLBACK = Duration.ofSeconds(5);
  private static final Duration AT_LEAST = Duration.ofSeconds(1);

  private final Clock clock;

  RetryAfterWait(Clock clock) {
    this.clock = clock;
  }

  /** The wait {@code header} (a {@code Retry-After} value, or null when absent) asks for. */
  Duration of(String header) {
    return RetryAfter.parse(header, clock.instant())
        .map(RetryAfterWait::atLeastASecond)
        .orElse(FALLBACK);
  }

  private static Duration atLeastASecond(Duration wait) {
    return wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait;
  }
}
