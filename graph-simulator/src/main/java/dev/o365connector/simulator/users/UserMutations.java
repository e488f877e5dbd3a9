package dev.o365connector.simulator.users;

import dev.o365connector.simulator.calendar.CalendarSeeder;
import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.DriveSeeder;
import dev.o365connector.simulator.mail.MailSeeder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Users joining (with a mailbox), changing job title, and leaving the tenant. */
public final class UserMutations implements ResourceMutations {

  @Override
  public String key() {
    return "users";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    JsonArray updated =
        MutationSpec.each(
            spec.getValue("update"),
            liveIds(tenant),
            ids,
            id ->
                tenant
                    .users()
                    .put(
                        tenant
                            .users()
                            .get(id)
                            .orElseThrow()
                            .renamed("Title " + ids.nextInt(1000))));
    JsonArray deleted =
        MutationSpec.each(spec.getValue("delete"), liveIds(tenant), ids, tenant::deleteUser);
    JsonArray created = new JsonArray();
    int count = MutationSpec.count(spec.getValue("create"));
    List<User> colleagues = tenant.users().live();
    for (int i = 0; i < count; i++) {
      String id = ids.guid();
      String local = "newhire" + id.substring(0, 8);
      User user =
          new User(
              id,
              local + "@" + tenant.domain(),
              "New Hire " + id.substring(0, 4),
              "New",
              "Hire",
              "Employee",
              true,
              true,
              1);
      tenant.users().put(user);
      tenant.addMailbox(id, new MailSeeder(ids).mailbox(user, colleagues, 0, 0));
      tenant.addCalendars(id, new CalendarSeeder(ids).calendars(user, colleagues, 0));
      tenant.addDrive(id, new DriveSeeder(ids).drive(user, 0));
      created.add(id);
    }
    return new JsonObject().put("created", created).put("updated", updated).put("deleted", deleted);
  }

  private static List<String> liveIds(Tenant tenant) {
    return tenant.users().live().stream().map(User::id).toList();
  }
}
