package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.calendar.model.Calendar;
import dev.o365connector.simulator.calendar.model.CalendarGroup;
import dev.o365connector.simulator.control.resource.ResourceTruth;
import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Every calendar group and calendar, and the primary calendar's events — only those in the {@code
 * startDateTime}/{@code endDateTime} window when one is given, as calendarView delta sees.
 */
public final class CalendarTruth implements ResourceTruth {

  @Override
  public String resource() {
    return "calendar";
  }

  @Override
  public JsonArray truth(Tenant tenant, JsonObject params) {
    Optional<CalendarWindow> window = CalendarWindow.from(params);
    JsonArray truth = new JsonArray();
    tenant
        .liveUsersWith(tenant::calendars)
        .forEach(
            (user, calendars) -> {
              for (CalendarGroup g : calendars.groups()) {
                truth.add(
                    ResourceTruth.entry("calendarGroup", g.id(), user.id(), null, g.version()));
              }
              for (Calendar c : calendars.calendars()) {
                truth.add(
                    ResourceTruth.entry("calendar", c.id(), user.id(), c.groupId(), c.version()));
              }
              calendars.events().live().stream()
                  .filter(e -> window.map(w -> w.contains(e)).orElse(true))
                  .forEach(
                      e ->
                          truth.add(
                              ResourceTruth.entry(
                                  "event", e.id(), user.id(), e.calendarId(), e.version())));
            });
    return truth;
  }
}
