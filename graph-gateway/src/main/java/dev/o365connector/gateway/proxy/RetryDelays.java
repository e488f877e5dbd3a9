package dev.o365connector.gateway.proxy;

import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.runtime.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
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
    return RetryAfter.parse(retryAfterHeader, clock.instant()).orElseGet(() -> backoff(attempt));
  }

  private Duration backoff(int attempt) {
    long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, config.maxBackoff().toMillis());
    // Between half and the whole of the exponential step, so retries of many callers spread out.
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(jittered);
  }
}
