package dev.o365connector.simulator.drive;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.delta.DeltaCollection;
import dev.o365connector.simulator.delta.DeltaLinks;
import dev.o365connector.simulator.delta.DeltaQuery;
import dev.o365connector.simulator.delta.DeltaResult;
import dev.o365connector.simulator.delta.DeltaView;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.drive.model.DriveItem;
import dev.o365connector.simulator.graph.DeltaResponses;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.graph.GraphPrincipal;
import dev.o365connector.simulator.graph.GraphRequests;
import dev.o365connector.simulator.graph.Permission;
import dev.o365connector.simulator.graph.TargetUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * OneDrive: the drive, its root, items, their children and content, and {@code root/delta}, under
 * {@code /me/drive}, {@code /users/{id}/drive} and {@code /drives/{driveId}}.
 */
public final class DriveRoutes {

  private static final String DRIVES = "/v1.0/drives/:driveId";
  private static final int DELTA_PAGE = 200;
  private static final int CHILDREN_PAGE = 200;
  private static final int MAX_PAGE = 1000;

  private final SimulatorContext context;
  private final GraphRequests requests;

  public DriveRoutes(SimulatorContext context, GraphRequests requests) {
    this.context = context;
    this.requests = requests;
  }

  public void register(Router router) {
    route(router, "", this::drive);
    route(router, "/root", (ctx, drive) -> item(ctx, drive, "root"));
    route(router, "/root/delta", this::delta);
    route(router, "/root/children", (ctx, drive) -> children(ctx, drive, "root"));
    route(router, "/items/:itemId", (ctx, drive) -> item(ctx, drive, ctx.pathParam("itemId")));
    route(
        router,
        "/items/:itemId/children",
        (ctx, drive) -> children(ctx, drive, ctx.pathParam("itemId")));
    route(
        router,
        "/items/:itemId/content",
        (ctx, drive) -> content(ctx, drive, ctx.pathParam("itemId")));
  }

  /** Registers {@code suffix} below {@code /me/drive}, {@code /users/{id}/drive} and a drive id. */
  private void route(Router router, String suffix, DriveAction action) {
    TargetUser.get(router, "/drive" + suffix, ctx -> withUserDrive(ctx, action));
    router.get(DRIVES + suffix).handler(ctx -> withDriveById(ctx, action));
  }

  private void drive(RoutingContext ctx, Drive drive) {
    GraphErrors.ok(ctx, GraphRequests.select(drive.toGraph(), ctx.request().getParam("$select")));
  }

  private void item(RoutingContext ctx, Drive drive, String itemId) {
    drive
        .item(itemId)
        .ifPresentOrElse(
            item ->
                GraphErrors.ok(
                    ctx,
                    GraphRequests.select(drive.itemJson(item), ctx.request().getParam("$select"))),
            () -> itemNotFound(ctx));
  }

  private void children(RoutingContext ctx, Drive drive, String itemId) {
    Optional<DriveItem> parent = drive.item(itemId);
    if (parent.isEmpty()) {
      itemNotFound(ctx);
      return;
    }
    int top = Math.max(1, GraphRequests.intParam(ctx, "$top", CHILDREN_PAGE, MAX_PAGE));
    int skip = GraphRequests.intParam(ctx, "$skip", 0, Integer.MAX_VALUE);
    JsonObject body =
        new JsonObject()
            .put("@odata.context", context.graphBaseUrl() + "/$metadata#Collection(driveItem)");
    GraphErrors.ok(
        ctx,
        GraphRequests.pageBySkip(
            ctx,
            context.graphBaseUrl(),
            body,
            drive.children(parent.get().id()),
            top,
            skip,
            drive::itemJson,
            ""));
  }

  /**
   * A file's bytes, 200 with the content itself: Graph answers 302 to a pre-authenticated download
   * URL instead, which clients follow without credentials; the simulator leaves out that hop. A
   * folder has no content: 404, as OneDrive answers.
   */
  private void content(RoutingContext ctx, Drive drive, String itemId) {
    Optional<DriveItem> file = drive.item(itemId).filter(item -> !item.folder());
    if (file.isEmpty()) {
      GraphErrors.write(
          ctx, 404, "itemNotFound", "The specified item does not exist, or does not have content.");
      return;
    }
    String id = file.get().id();
    long size = file.get().size();
    GraphErrors.correlate(ctx);
    HttpServerResponse response =
        ctx.response()
            .setStatusCode(200)
            .putHeader("Content-Type", "application/octet-stream")
            .putHeader("Content-Length", String.valueOf(size));
    // Routes run under the directory's lock; the bytes need none of its data, so they go after.
    ctx.vertx().runOnContext(next -> DriveContent.stream(response, id, size));
  }

  private void delta(RoutingContext ctx, Drive drive) {
    String select = ctx.request().getParam("$select");
    DeltaQuery query =
        new DeltaQuery(
            ctx.request().getParam("token"),
            null,
            select == null ? null : new JsonObject().put("$select", select),
            GraphRequests.pageSize(ctx, DELTA_PAGE, MAX_PAGE));
    // Both links replay the path the client used; a 410's Location is that path without a token.
    DeltaLinks links =
        new DeltaLinks(GraphRequests.pathUrl(ctx, context.graphBaseUrl()), "token", "token");
    DeltaView<DriveItem> view =
        new DeltaView<>() {
          @Override
          public JsonObject render(DriveItem item, JsonObject params) {
            return GraphRequests.select(drive.itemJson(item), params.getString("$select"));
          }

          @Override
          public JsonObject removed(DeltaCollection.Entry<DriveItem> entry, JsonObject params) {
            return drive.deletedJson(entry.value());
          }
        };
    DeltaResult result =
        context.deltaPager().page(drive.items(), "drive:" + drive.id(), query, links, view);
    DeltaResponses.write(
        ctx, result, context.graphBaseUrl() + "/$metadata#Collection(driveItem)", links);
  }

  /** {@code /me/drive/...}, {@code /users/{id}/drive/...}: the target user's drive. */
  private void withUserDrive(RoutingContext ctx, DriveAction action) {
    TargetUser.authorize(ctx, context, requests, Permission.READ_FILES, User::hasDrive)
        .ifPresent(
            owner ->
                context
                    .directory()
                    .locked(
                        () ->
                            owner
                                .tenant(context.directory())
                                .drive(owner.user().id())
                                .ifPresentOrElse(
                                    drive -> action.run(ctx, drive), () -> itemNotFound(ctx))));
  }

  /**
   * {@code /drives/{driveId}/...}: any drive of the tenant for app-only tokens, only the signed-in
   * user's own for delegated ones.
   */
  private void withDriveById(RoutingContext ctx, DriveAction action) {
    Optional<GraphPrincipal> principal = requests.authorize(ctx, Permission.READ_FILES);
    if (principal.isEmpty()) {
      return;
    }
    context
        .directory()
        .locked(
            () -> {
              Optional<Drive> drive =
                  context
                      .directory()
                      .tenant(principal.get().tenantId())
                      .orElseThrow()
                      .driveById(ctx.pathParam("driveId"));
              if (drive.isEmpty()) {
                itemNotFound(ctx);
              } else if (principal.get().delegated()
                  && !drive.get().ownerId().equals(principal.get().userId())) {
                GraphErrors.write(ctx, 403, "accessDenied", "Access denied");
              } else {
                action.run(ctx, drive.get());
              }
            });
  }

  private static void itemNotFound(RoutingContext ctx) {
    GraphErrors.write(ctx, 404, "itemNotFound", "The resource could not be found.");
  }

  @FunctionalInterface
  private interface DriveAction {
    void run(RoutingContext ctx, Drive drive);
  }
}
