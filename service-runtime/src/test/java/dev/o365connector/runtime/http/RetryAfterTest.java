package dev.o365connector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void delaySecondsAreTheWait() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:00:12 GMT", NOW))
        .contains(Duration.ofSeconds(12));
  }

  @Test
  void theObsoleteDateFormatsAreReadToo() {
    assertThat(RetryAfter.parse("Thursday, 26-Nov-26 10:01:00 GMT", NOW))
        .contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("Thu Nov 26 10:00:30 2026", NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue Dec  1 10:00:00 2026", NOW)).contains(Duration.ofDays(5));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
    // A two-digit year more than 50 years ahead is the century before: long past.
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-5",
        "+5",
        "1.5",
        "soon",
        "99999999999999999999",
        "Thu, 26 Nov 2026 25:00:00 GMT",
        "Fri, 26 Nov 2026 10:00:12 GMT"
      })
  void negativeOrGarbageIsNoValue(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void aMissingHeaderIsNoValue(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isEmpty();
  }
}
