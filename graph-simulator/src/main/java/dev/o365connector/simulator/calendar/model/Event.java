package dev.o365connector.simulator.calendar.model;

import dev.o365connector.simulator.delta.Versioned;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/** A single (non-recurring) event of a user's primary calendar, in UTC. */
public record Event(
    String id,
    String calendarId,
    String subject,
    Instant start,
    Instant end,
    String location,
    String organizerName,
    String organizerAddress,
    long version)
    implements Versioned {

  /** Whether the event overlaps {@code [windowStart, windowEnd)}, as calendarView selects. */
  public boolean overlaps(Instant windowStart, Instant windowEnd) {
    return start.isBefore(windowEnd) && end.isAfter(windowStart);
  }

  public Event rescheduled(Instant newStart, String newSubject) {
    return new Event(
        id,
        calendarId,
        newSubject,
        newStart,
        newStart.plus(java.time.Duration.between(start, end)),
        location,
        organizerName,
        organizerAddress,
        version + 1);
  }

  public JsonObject toGraph() {
    String changeKey =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((id + "." + version).getBytes(StandardCharsets.UTF_8));
    return new JsonObject()
        .put("@odata.etag", "W/\"" + changeKey + "\"")
        .put("id", id)
        .put("createdDateTime", start.minusSeconds(86_400).toString())
        .put("lastModifiedDateTime", start.minusSeconds(86_400 - version).toString())
        .put("changeKey", changeKey)
        .put("subject", subject)
        .put("isAllDay", false)
        .put("isCancelled", false)
        .put("showAs", "busy")
        .put("type", "singleInstance")
        .put("start", dateTime(start))
        .put("end", dateTime(end))
        .put("location", new JsonObject().put("displayName", location))
        .put(
            "organizer",
            new JsonObject()
                .put(
                    "emailAddress",
                    new JsonObject().put("name", organizerName).put("address", organizerAddress)))
        .put("attendees", new JsonArray());
  }

  /** Graph's dateTimeTimeZone: local date-time without offset, plus the zone name. */
  private static JsonObject dateTime(Instant instant) {
    return new JsonObject()
        .put("dateTime", LocalDateTime.ofInstant(instant, ZoneOffset.UTC) + ".0000000")
        .put("timeZone", "UTC");
  }
}
