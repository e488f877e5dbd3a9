package dev.o365connector.sync.resource.calendar;

import dev.o365connector.contracts.sync.CalendarWindow;
import dev.o365connector.sync.config.SyncConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The calendarView window of a sync: {@code pastDays} before and {@code futureDays} after an anchor
 * that moves on every {@code reanchorEvery}. Between two moves every run asks for the same window,
 * so its delta round continues; after one, the start URL differs and the round resyncs.
 */
final class CalendarWindowAnchor {

  private CalendarWindowAnchor() {}

  /** {@code startDateTime=...&endDateTime=...} of the window in force now. */
  static String query(SyncConfig.CalendarView config, CalendarWindow requested, Clock clock) {
    int past = requested != null ? requested.pastDays() : config.pastDays();
    int future = requested != null ? requested.futureDays() : config.futureDays();
    long every = Math.max(1, config.reanchorEvery().toMillis());
    long now = clock.millis();
    Instant anchor = Instant.ofEpochMilli(now - Math.floorMod(now, every));
    return "startDateTime="
        + anchor.minus(Duration.ofDays(past))
        + "&endDateTime="
        + anchor.plus(Duration.ofDays(future));
  }
}
