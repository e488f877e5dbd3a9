package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.config.GatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retrying a throttled or unavailable Graph response: its {@code
 * Retry-After} (delta-seconds or an HTTP date) when given, never less; otherwise exponential
 * backoff with jitter.
 */
public final class RetryDelays {

  /** Statuses Graph asks to retry later. */
  public static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

  private final GatewayConfig.Retry config;
  private final Clock clock;

  public RetryDelays(GatewayConfig.Retry config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** The wait before attempt number {@code attempt + 1} (attempts count from 1). */
  public Duration after(int attempt, String retryAfterHeader) {
    return retryAfter(retryAfterHeader).orElseGet(() -> backoff(attempt));
  }

  /** The header's wait, if it is a valid Retry-After. */
  public Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private Duration backoff(int attempt) {
    long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, config.maxBackoff().toMillis());
    // Between half and the whole of the exponential step, so retries of many callers spread out.
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
