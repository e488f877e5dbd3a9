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
    JsonArray updated = new JsonArray();
    for (String id :
        MutationSpec.pick(spec.getValue("update"), List.copyOf(owners.keySet()), ids)) {
      UserCalendars calendars = owners.get(id);
      Event event = calendars.events().get(id).orElseThrow();
      // Shift by up to ±60 days, so some events leave or enter a window.
      Duration shift = Duration.ofHours(ids.nextInt(2 * 24 * 60) - 24 * 60);
      calendars
          .events()
          .put(event.rescheduled(event.start().plus(shift), event.subject() + " (moved)"));
      updated.add(id);
    }
    JsonArray deleted = new JsonArray();
    for (String id :
        MutationSpec.pick(spec.getValue("delete"), List.copyOf(owners.keySet()), ids)) {
      owners.get(id).events().remove(id, "deleted");
      deleted.add(id);
    }
    JsonArray created = new JsonArray();
    List<User> withCalendar =
        tenant.users().live().stream().filter(u -> tenant.calendars(u.id()).isPresent()).toList();
    CalendarSeeder seeder = new CalendarSeeder(ids);
    int count = MutationSpec.count(spec.getValue("create"));
    for (int i = 0; i < count && !withCalendar.isEmpty(); i++) {
      User owner = withCalendar.get(ids.nextInt(withCalendar.size()));
      UserCalendars calendars = tenant.calendars(owner.id()).orElseThrow();
      Event event =
          seeder.newEvent(
              calendars,
              owner,
              withCalendar,
              CalendarSeeder.SPAN_START.plus(
                  Duration.ofMinutes(ids.nextInt((int) CalendarSeeder.SPAN.toMinutes()))));
      calendars.events().put(event);
      created.add(event.id());
    }
    return new JsonObject().put("created", created).put("updated", updated).put("deleted", deleted);
  }

  private static Map<String, UserCalendars> owners(Tenant tenant) {
    Map<String, UserCalendars> owners = new HashMap<>();
    for (User user : tenant.users().live()) {
      tenant
          .calendars(user.id())
          .ifPresent(c -> c.events().live().forEach(e -> owners.put(e.id(), c)));
    }
    return owners;
  }
}
