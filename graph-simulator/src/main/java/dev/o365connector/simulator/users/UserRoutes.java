package dev.o365connector.simulator.users;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.delta.DeltaCollection;
import dev.o365connector.simulator.delta.DeltaLinks;
import dev.o365connector.simulator.delta.DeltaQuery;
import dev.o365connector.simulator.delta.DeltaResult;
import dev.o365connector.simulator.delta.DeltaView;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.graph.DeltaResponses;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.graph.GraphPrincipal;
import dev.o365connector.simulator.graph.GraphRequests;
import dev.o365connector.simulator.graph.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code /users}, {@code /users/{id}}, {@code /users/delta} and {@code /me}. */
public final class UserRoutes {

  private static final int DEFAULT_PAGE = 100;

  /** Deleted users sit in deletedItems (restorable) for 30 days: Graph reports them as changed. */
  private static final DeltaView<User> USERS_VIEW =
      new DeltaView<>() {
        @Override
        public JsonObject render(User user, JsonObject params) {
          return GraphRequests.select(user.toGraph(), params.getString("$select"));
        }

        @Override
        public JsonObject removed(DeltaCollection.Entry<User> entry, JsonObject params) {
          return GraphRequests.removed(entry.id(), entry.removedReason());
        }
      };

  private static final int MAX_PAGE = 999;

  private final SimulatorContext context;
  private final GraphRequests requests;

  public UserRoutes(SimulatorContext context, GraphRequests requests) {
    this.context = context;
    this.requests = requests;
  }

  public void register(Router router) {
    router.get("/v1.0/users/delta").handler(this::delta);
    router.get("/v1.0/users").handler(this::list);
    router.get("/v1.0/users/:id").handler(this::get);
    router.get("/v1.0/me").handler(this::me);
  }

  private void list(RoutingContext ctx) {
    Optional<GraphPrincipal> principal = requests.authorize(ctx, Permission.READ_USERS);
    if (principal.isEmpty()) {
      return;
    }
    int top = parseTop(ctx);
    String skipToken = ctx.request().getParam("$skiptoken");
    String select = ctx.request().getParam("$select");
    String afterId = skipToken == null ? null : decodeSkip(skipToken);
    JsonObject body =
        context
            .directory()
            .locked(
                () -> {
                  Tenant tenant =
                      context.directory().tenant(principal.get().tenantId()).orElseThrow();
                  List<User> page = tenant.users().liveAfter(afterId, top + 1);
                  JsonArray value = new JsonArray();
                  page.stream()
                      .limit(top)
                      .forEach(u -> value.add(GraphRequests.select(u.toGraph(), select)));
                  JsonObject answer =
                      new JsonObject()
                          .put("@odata.context", context.graphBaseUrl() + "/$metadata#users")
                          .put("value", value);
                  if (page.size() > top) {
                    String next = encodeSkip(page.get(top - 1).id());
                    answer.put(
                        "@odata.nextLink",
                        GraphRequests.pathUrl(ctx, context.graphBaseUrl())
                            + "?$top="
                            + top
                            + (select == null
                                ? ""
                                : "&$select=" + URLEncoder.encode(select, StandardCharsets.UTF_8))
                            + "&$skiptoken="
                            + next);
                  }
                  return answer;
                });
    GraphErrors.ok(ctx, body);
  }

  private void get(RoutingContext ctx) {
    Optional<GraphPrincipal> principal = requests.authorize(ctx, Permission.READ_USERS);
    if (principal.isEmpty()) {
      return;
    }
    String idOrUpn = ctx.pathParam("id");
    Optional<User> user = findUser(principal.get().tenantId(), idOrUpn);
    if (user.isEmpty()) {
      GraphErrors.write(
          ctx,
          404,
          "Request_ResourceNotFound",
          "Resource '"
              + idOrUpn
              + "' does not exist or one of its queried reference-property objects are not present.");
      return;
    }
    GraphErrors.ok(
        ctx, GraphRequests.select(user.get().toGraph(), ctx.request().getParam("$select")));
  }

  private void me(RoutingContext ctx) {
    Optional<GraphPrincipal> principal = requests.authorize(ctx, Permission.READ_ME);
    if (principal.isEmpty()) {
      return;
    }
    Optional<User> user = findUser(principal.get().tenantId(), principal.get().userId());
    if (user.isEmpty()) {
      GraphErrors.write(
          ctx, 404, "Request_ResourceNotFound", "The signed-in user no longer exists.");
      return;
    }
    GraphErrors.ok(
        ctx, GraphRequests.select(user.get().toGraph(), ctx.request().getParam("$select")));
  }

  private void delta(RoutingContext ctx) {
    Optional<GraphPrincipal> principal = requests.authorize(ctx, Permission.READ_USERS);
    if (principal.isEmpty()) {
      return;
    }
    String tenantId = principal.get().tenantId();
    String select = ctx.request().getParam("$select");
    DeltaQuery query =
        new DeltaQuery(
            firstParam(ctx, "$deltatoken", "$deltaToken"),
            firstParam(ctx, "$skiptoken", "$skipToken"),
            select == null ? null : new JsonObject().put("$select", select),
            GraphRequests.pageSize(ctx, DEFAULT_PAGE, MAX_PAGE));
    DeltaLinks links = DeltaLinks.odata(context.graphBaseUrl() + "/users/delta");
    DeltaResult result =
        context
            .directory()
            .locked(
                () -> {
                  DeltaCollection<User> users =
                      context.directory().tenant(tenantId).orElseThrow().users();
                  return context
                      .deltaPager()
                      .page(users, "users:" + tenantId, query, links, USERS_VIEW);
                });
    DeltaResponses.write(ctx, result, context.graphBaseUrl() + "/$metadata#users", links);
  }

  private Optional<User> findUser(String tenantId, String idOrUpn) {
    return context
        .directory()
        .locked(() -> context.directory().tenant(tenantId).flatMap(tenant -> tenant.user(idOrUpn)));
  }

  private static int parseTop(RoutingContext ctx) {
    String top = ctx.request().getParam("$top");
    if (top == null) {
      return DEFAULT_PAGE;
    }
    try {
      return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(top)));
    } catch (NumberFormatException e) {
      return DEFAULT_PAGE;
    }
  }

  private static String firstParam(RoutingContext ctx, String name, String alternative) {
    String value = ctx.request().getParam(name);
    return value != null ? value : ctx.request().getParam(alternative);
  }

  private static String encodeSkip(String lastId) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeSkip(String token) {
    try {
      return new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
