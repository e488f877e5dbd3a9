package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.calendar.model.Event;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code startDateTime}/{@code endDateTime} window of calendarView (and its delta). */
public record CalendarWindow(Instant start, Instant end) {

  static final String START = "startDateTime";
  static final String END = "endDateTime";

  /** The window named by {@code params}; empty if either bound is missing or unreadable. */
  public static Optional<CalendarWindow> from(JsonObject params) {
    Optional<Instant> start = parse(params.getString(START));
    Optional<Instant> end = parse(params.getString(END));
    if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
      return Optional.empty();
    }
    return Optional.of(new CalendarWindow(start.get(), end.get()));
  }

  /** ISO 8601 with an offset, or without one (then UTC), as Graph accepts. */
  static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  public boolean contains(Event event) {
    return event.overlaps(start, end);
  }
}
