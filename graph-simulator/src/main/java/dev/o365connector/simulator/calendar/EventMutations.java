package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.calendar.model.Event;
import dev.o365connector.simulator.calendar.model.UserCalendars;
import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events being scheduled, rescheduled (possibly out of a sync window) and cancelled. */
public final class EventMutations implements ResourceMutations {

  @Override
  public String key() {
    return "events";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    Map<String, UserCalendars> owners = owners(tenant);
    JsonArray updated =
        MutationSpec.each(
            spec.getValue("update"),
            List.copyOf(owners.keySet()),
            ids,
            id -> {
              UserCalendars calendars = owners.get(id);
              Event event = calendars.events().get(id).orElseThrow();
              // Shift by up to ±60 days, so some events leave or enter a window.
              Duration shift = Duration.ofHours(ids.nextInt(2 * 24 * 60) - 24 * 60);
              calendars
                  .events()
                  .put(event.rescheduled(event.start().plus(shift), event.subject() + " (moved)"));
            });
    JsonArray deleted =
        MutationSpec.each(
            spec.getValue("delete"),
            List.copyOf(owners.keySet()),
            ids,
            id -> owners.get(id).events().remove(id, "deleted"));
    Map<User, UserCalendars> withCalendars = tenant.liveUsersWith(tenant::calendars);
    List<User> withCalendar = List.copyOf(withCalendars.keySet());
    CalendarSeeder seeder = new CalendarSeeder(ids);
    JsonArray created =
        MutationSpec.create(
            spec.getValue("create"),
            withCalendar,
            ids,
            owner -> {
              UserCalendars calendars = withCalendars.get(owner);
              Event event =
                  seeder.newEvent(
                      calendars,
                      owner,
                      withCalendar,
                      CalendarSeeder.SPAN_START.plus(
                          Duration.ofMinutes(ids.nextInt((int) CalendarSeeder.SPAN.toMinutes()))));
              calendars.events().put(event);
              return event.id();
            });
    return new JsonObject().put("created", created).put("updated", updated).put("deleted", deleted);
  }

  private static Map<String, UserCalendars> owners(Tenant tenant) {
    Map<String, UserCalendars> owners = new HashMap<>();
    for (UserCalendars calendars : tenant.liveUsersWith(tenant::calendars).values()) {
      calendars.events().live().forEach(e -> owners.put(e.id(), calendars));
    }
    return owners;
  }
}
