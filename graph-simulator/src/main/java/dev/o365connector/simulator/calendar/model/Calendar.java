package dev.o365connector.simulator.calendar.model;

import io.vertx.core.json.JsonObject;

/** A calendar; calendars have no delta in Graph, consumers list and diff them. */
public record Calendar(
    String id, String name, String color, boolean isDefault, String groupId, long version) {

  public JsonObject toGraph(String ownerName, String ownerAddress) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("color", color)
        .put("isDefaultCalendar", isDefault)
        .put("changeKey", id.substring(0, 8) + "." + version)
        .put("canEdit", true)
        .put("canShare", isDefault)
        .put("canViewPrivateItems", true)
        .put("owner", new JsonObject().put("name", ownerName).put("address", ownerAddress));
  }
}
