package dev.o365connector.sync.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterWaitTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final RetryAfterWait wait = new RetryAfterWait(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void secondsAreWaitedAsGiven() {
    assertThat(wait.of("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(wait.of(" 120 ")).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void neverLessThanASecond() {
    assertThat(wait.of("0")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void withoutAHeaderFiveSeconds() {
    assertThat(wait.of(null)).isEqualTo(Duration.ofSeconds(5));
    assertThat(wait.of("")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void whatIsNeitherSecondsNorADateFiveSeconds() {
    assertThat(wait.of("soon")).isEqualTo(Duration.ofSeconds(5));
    assertThat(wait.of("1.5")).isEqualTo(Duration.ofSeconds(5));
    // RFC 9110 §10.2.3: delay-seconds is a non-negative integer; a negative one is no value.
    assertThat(wait.of("-3")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anHttpDateIsWaitedUntil() {
    assertThat(wait.of("Thu, 01 Jan 2026 00:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anHttpDateAlreadyPastWaitsASecond() {
    assertThat(wait.of("Wed, 31 Dec 2025 23:59:00 GMT")).isEqualTo(Duration.ofSeconds(1));
  }
}
