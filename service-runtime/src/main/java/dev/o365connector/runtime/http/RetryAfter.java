package dev.o365connector.runtime.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date in any of
 * the three formats a recipient must accept (§5.6.7). What a caller does without one (a default
 * wait, a backoff) is its own policy.
 */
public final class RetryAfter {

  private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

  /** The obsolete asctime format, {@code Sun Nov 6 08:49:37 1994}; the time is GMT. */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

  private RetryAfter() {}

  /**
   * How long {@code value} asks to wait, as of {@code now}: a date already past is no wait at all.
   * Empty when there is no value, or it is neither delay-seconds nor an HTTP-date (negative
   * numbers, fractions, numbers beyond a {@code long}, anything else).
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    if (DELAY_SECONDS.matcher(trimmed).matches()) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    return httpDate(trimmed, now)
        .map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
  }

  private static Optional<Instant> httpDate(String value, Instant now) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException notImfFixdate) {
      // the two obsolete formats follow
    }
    try {
      return Optional.of(ZonedDateTime.parse(value, rfc850(now)).toInstant());
    } catch (DateTimeParseException notRfc850) {
      // asctime is the last one left
    }
    try {
      return Optional.of(LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notAsctime) {
      return Optional.empty();
    }
  }

  /**
   * {@code Sunday, 06-Nov-94 08:49:37 GMT}. Its two-digit year is the one that is not more than 50
   * years ahead of {@code now} (§5.6.7).
   */
  private static DateTimeFormatter rfc850(Instant now) {
    int earliest = now.atZone(ZoneOffset.UTC).getYear() - 49;
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, earliest)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);
  }
}
