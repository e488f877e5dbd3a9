package dev.o365connector.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.gateway.config.GatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private static final RetryDelays DELAYS = new RetryDelays(retry(), CLOCK);

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertThat(DELAYS.after(1, "7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(DELAYS.after(1, "Thu, 26 Nov 2026 10:00:12 GMT")).isEqualTo(Duration.ofSeconds(12));
    assertThat(DELAYS.after(1, "Thu, 26 Nov 2026 09:59:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @RepeatedTest(20)
  void withoutRetryAfterBackoffGrowsWithJitterAndIsCapped() {
    assertThat(DELAYS.after(1, null)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(DELAYS.after(3, "soon")).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(DELAYS.after(30, "")).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  private static GatewayConfig.Retry retry() {
    return new GatewayConfig.Retry() {
      @Override
      public Duration maxTotalWait() {
        return Duration.ofSeconds(30);
      }

      @Override
      public int maxAttempts() {
        return 6;
      }

      @Override
      public Duration initialBackoff() {
        return Duration.ofMillis(500);
      }

      @Override
      public Duration maxBackoff() {
        return Duration.ofSeconds(8);
      }
    };
  }
}
