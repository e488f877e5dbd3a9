package dev.o365connector.simulator.calendar.model;

import io.vertx.core.json.JsonObject;

/** A calendar group ("My Calendars", "Other calendars"); listed, never delta-synced. */
public record CalendarGroup(String id, String name, String classId, long version) {

  public JsonObject toGraph() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("classId", classId)
        .put("changeKey", id.substring(0, 8) + "." + version);
  }

  /** The same group with a new version, after the calendars in it changed. */
  public CalendarGroup touched() {
    return new CalendarGroup(id, name, classId, version + 1);
  }
}
