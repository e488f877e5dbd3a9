package dev.o365connector.sync.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How long to wait before asking again after a 429, 503 or 504 the gateway passed through, from its
 * {@code Retry-After}: a number of seconds, or an HTTP date to wait until. Never less than a
 * second; without a header the worker can read, 5 seconds.
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
    if (header == null || header.isBlank()) {
      return FALLBACK;
    }
    String value = header.trim();
    try {
      return atLeastASecond(Duration.ofSeconds(Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      // An HTTP date, or nothing the worker understands.
    }
    try {
      ZonedDateTime until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return atLeastASecond(Duration.between(clock.instant(), until.toInstant()));
    } catch (RuntimeException notADate) {
      return FALLBACK;
    }
  }

  private static Duration atLeastASecond(Duration wait) {
    return wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait;
  }
}
