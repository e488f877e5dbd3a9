package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.calendar.model.Calendar;
import dev.o365connector.simulator.calendar.model.CalendarGroup;
import dev.o365connector.simulator.calendar.model.UserCalendars;
import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secondary calendars appearing (in an existing calendar group, now and then in a new one) and
 * being deleted, so that syncs, which list and diff calendars, see them come and go. The default
 * calendar is never picked and cannot be named: Outlook refuses to delete it.
 */
public final class CalendarMutations implements ResourceMutations {

  @Override
  public String key() {
    return "calendars";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    MutationSpec.only(spec, List.of("create", "delete"));
    Map<String, UserCalendars> owners = secondaries(tenant);
    JsonArray deleted =
        MutationSpec.each(
            spec.getValue("delete"),
            List.copyOf(owners.keySet()),
            ids,
            id -> {
              UserCalendars calendars = owners.get(id);
              calendars.touchGroup(calendars.removeCalendar(id).groupId());
            });
    CalendarSeeder seeder = new CalendarSeeder(ids);
    JsonArray created =
        MutationSpec.create(
            spec.getValue("create"),
            List.copyOf(tenant.liveUsersWith(tenant::calendars).values()),
            ids,
            calendars -> {
              List<CalendarGroup> groups = calendars.groups();
              String groupId;
              // About one in four goes into a new group, so groups come and go for syncs too.
              if (groups.isEmpty() || ids.nextInt(4) == 0) {
                CalendarGroup group = seeder.newGroup();
                calendars.addGroup(group);
                groupId = group.id();
              } else {
                groupId = groups.get(ids.nextInt(groups.size())).id();
                calendars.touchGroup(groupId);
              }
              Calendar calendar = seeder.newCalendar(groupId);
              calendars.addCalendar(calendar);
              return calendar.id();
            });
    return new JsonObject().put("created", created).put("deleted", deleted);
  }

  /** Every non-default calendar of the tenant, with its owner's calendars, in a fixed order. */
  private static Map<String, UserCalendars> secondaries(Tenant tenant) {
    Map<String, UserCalendars> owners = new LinkedHashMap<>();
    for (UserCalendars calendars : tenant.liveUsersWith(tenant::calendars).values()) {
      calendars.calendars().stream()
          .filter(c -> !c.isDefault())
          .forEach(c -> owners.put(c.id(), calendars));
    }
    return owners;
  }
}
