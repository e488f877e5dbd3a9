package dev.o365connector.simulator.control;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.calendar.CalendarMutations;
import dev.o365connector.simulator.calendar.CalendarTruth;
import dev.o365connector.simulator.calendar.EventMutations;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.control.resource.ResourceTruth;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.drive.DriveItemMutations;
import dev.o365connector.simulator.drive.FilesTruth;
import dev.o365connector.simulator.http.Responses;
import dev.o365connector.simulator.mail.MailFolderMutations;
import dev.o365connector.simulator.mail.MailTruth;
import dev.o365connector.simulator.mail.MessageMutations;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.users.UserMutations;
import dev.o365connector.simulator.users.UserTruth;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The control API under {@code /_sim}: what is seeded, seeding, mutating, ground truth. */
public final class ControlRoutes {

  /**
   * Every resource the mutation endpoint can change, by its key, in the order a request applies
   * them: containers before their contents, so random message moves can land in folders the same
   * request creates, and messages of folders it deletes are gone before messages are picked.
   */
  private static final List<ResourceMutations> MUTATIONS =
      List.of(
          new UserMutations(),
          new MailFolderMutations(),
          new MessageMutations(),
          new CalendarMutations(),
          new EventMutations(),
          new DriveItemMutations());

  /** Every resource the truth endpoint can report. */
  private static final List<ResourceTruth> TRUTHS =
      List.of(new UserTruth(), new MailTruth(), new CalendarTruth(), new FilesTruth());

  private final SimulatorContext context;
  private final Directory directory;

  public ControlRoutes(SimulatorContext context) {
    this.context = context;
    this.directory = context.directory();
  }

  public void register(Router router) {
    router.get("/_sim/info").handler(this::info);
    router.post("/_sim/tenants").handler(this::seedTenant);
    router.post("/_sim/apps").handler(this::registerApp);
    router.post("/_sim/tenants/:tenantId/mutations").handler(this::mutate);
    router.get("/_sim/tenants/:tenantId/truth").handler(this::truth);
  }

  private void mutate(RoutingContext ctx) {
    Optional<Tenant> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException e) {
      body = null;
    }
    if (body == null) {
      badRequest(ctx, "a JSON body is required");
      return;
    }
    for (String key : body.fieldNames()) {
      if (MUTATIONS.stream().noneMatch(m -> m.key().equals(key))) {
        badRequest(
            ctx,
            "unknown mutation key "
                + key
                + "; known: "
                + MUTATIONS.stream().map(ResourceMutations::key).toList());
        return;
      }
    }
    JsonObject request = body;
    try {
      JsonObject summary =
          directory.locked(
              () -> {
                JsonObject changed = new JsonObject();
                for (ResourceMutations mutation : MUTATIONS) {
                  JsonObject spec = request.getJsonObject(mutation.key());
                  if (spec != null) {
                    changed.put(
                        mutation.key(), mutation.apply(tenant.get(), spec, directory.ids()));
                  }
                }
                return changed;
              });
      Responses.json(ctx, 200, summary);
    } catch (IllegalArgumentException | ClassCastException e) {
      badRequest(ctx, e.getMessage());
    }
  }

  private void truth(RoutingContext ctx) {
    Optional<Tenant> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    String resource = ctx.request().getParam("resource");
    Optional<ResourceTruth> truth =
        TRUTHS.stream().filter(t -> t.resource().equals(resource)).findFirst();
    if (truth.isEmpty()) {
      badRequest(
          ctx, "resource must be one of " + TRUTHS.stream().map(ResourceTruth::resource).toList());
      return;
    }
    JsonObject params = new JsonObject();
    ctx.request().params().forEach(p -> params.put(p.getKey(), p.getValue()));
    JsonArray objects = directory.locked(() -> truth.get().truth(tenant.get(), params));
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(objects.encode());
  }

  private void registerApp(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      JsonArray redirects = body.getJsonArray("redirectUris", new JsonArray());
      JsonArray permissions = body.getJsonArray("applicationPermissions");
      List<String> redirectUris = redirects.stream().map(String::valueOf).toList();
      if (redirectUris.stream()
          .anyMatch(uri -> !uri.startsWith("http://") && !uri.startsWith("https://"))) {
        throw new IllegalArgumentException("redirectUris must be absolute http(s) URLs");
      }
      AppRegistration app =
          new Seeder(directory)
              .registerApp(
                  body.getString("displayName", "app"),
                  redirectUris,
                  permissions == null
                      ? Seeder.CONNECTOR_APP_PERMISSIONS
                      : permissions.stream().map(String::valueOf).collect(Collectors.toSet()));
      Responses.json(ctx, 201, SimulatorInfo.describe(app));
    } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
      badRequest(ctx, "invalid app registration: " + e.getMessage());
    }
  }

  private Optional<Tenant> tenant(RoutingContext ctx) {
    Optional<Tenant> tenant = directory.tenant(ctx.pathParam("tenantId"));
    if (tenant.isEmpty()) {
      Responses.json(
          ctx, 404, new JsonObject().put("error", "no tenant " + ctx.pathParam("tenantId")));
    }
    return tenant;
  }

  private static void badRequest(RoutingContext ctx, String message) {
    Responses.json(ctx, 400, new JsonObject().put("error", message));
  }

  private void info(RoutingContext ctx) {
    Responses.json(ctx, 200, SimulatorInfo.describe(context));
  }

  private void seedTenant(RoutingContext ctx) {
    SeedSpec spec;
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      spec =
          new SeedSpec(
              body.getString("name"),
              body.getInteger("users", 10),
              body.getInteger("usersWithoutMailbox", 0),
              body.getInteger("usersWithoutDrive", 0),
              body.getInteger("messagesPerUser", 0),
              body.getInteger("mailFoldersPerUser", 0),
              body.getInteger("eventsPerUser", 0),
              body.getInteger("driveItemsPerUser", 0));
    } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
      Responses.json(
          ctx, 400, new JsonObject().put("error", "invalid seed spec: " + e.getMessage()));
      return;
    }
    if (directory.tenant(spec.name() + ".onmicrosoft.com").isPresent()) {
      Responses.json(ctx, 409, new JsonObject().put("error", "tenant " + spec.name() + " exists"));
      return;
    }
    Tenant tenant = new Seeder(directory).seedTenant(spec);
    Responses.json(ctx, 201, directory.locked(() -> SimulatorInfo.describe(tenant)));
  }
}
