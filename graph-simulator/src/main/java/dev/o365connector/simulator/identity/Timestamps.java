package dev.o365connector.simulator.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Entra's time formats: {@code 2024-01-09 02:02:12Z} and .NET time spans. */
final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** {@code d.hh:mm:ss}, as Entra prints how long a refresh token lay unused. */
  static String format(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    return String.format(
        "%d.%02d:%02d:%02d",
        seconds / 86_400, (seconds / 3_600) % 24, (seconds / 60) % 60, seconds % 60);
  }
}
