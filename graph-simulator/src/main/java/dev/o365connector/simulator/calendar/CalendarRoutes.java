package dev.o365connector.simulator.calendar;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.calendar.model.Calendar;
import dev.o365connector.simulator.calendar.model.CalendarGroup;
import dev.o365connector.simulator.calendar.model.Event;
import dev.o365connector.simulator.calendar.model.UserCalendars;
import dev.o365connector.simulator.delta.DeltaCollection;
import dev.o365connector.simulator.delta.DeltaLinks;
import dev.o365connector.simulator.delta.DeltaQuery;
import dev.o365connector.simulator.delta.DeltaResult;
import dev.o365connector.simulator.delta.DeltaView;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.graph.DeltaResponses;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.graph.GraphRequests;
import dev.o365connector.simulator.graph.Permission;
import dev.o365connector.simulator.graph.TargetUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Outlook calendar: groups and calendars (listed), events, calendarView and its delta. */
public final class CalendarRoutes {

  private static final int EVENT_PAGE = 10;
  private static final int MAX_PAGE = 1000;
  private static final String WINDOW_REQUIRED =
      "This request requires a time window specified by the query string parameters"
          + " StartDateTime and EndDateTime.";

  private final SimulatorContext context;
  private final GraphRequests requests;

  public CalendarRoutes(SimulatorContext context, GraphRequests requests) {
    this.context = context;
    this.requests = requests;
  }

  public void register(Router router) {
    TargetUser.get(router, "/calendarView/delta", this::viewDelta);
    TargetUser.get(router, "/calendarView", with(this::view));
    TargetUser.get(
        router,
        "/calendar",
        with(
            (ctx, target) ->
                GraphErrors.ok(ctx, calendarJson(target, target.calendars().primary()))));
    TargetUser.get(
        router,
        "/calendars",
        with(
            (ctx, target) ->
                list(
                    ctx,
                    target.calendars().calendars().stream()
                        .map(c -> calendarJson(target, c))
                        .toList())));
    TargetUser.get(router, "/calendars/:calendarId", with(this::calendar));
    TargetUser.get(
        router,
        "/calendarGroups",
        with(
            (ctx, target) ->
                list(
                    ctx,
                    target.calendars().groups().stream().map(CalendarGroup::toGraph).toList())));
    TargetUser.get(router, "/calendarGroups/:groupId/calendars", with(this::groupCalendars));
    TargetUser.get(router, "/events", with(this::events));
    TargetUser.get(router, "/events/:eventId", with(this::event));
  }

  private void viewDelta(RoutingContext ctx) {
    resolve(ctx)
        .ifPresent(
            target -> {
              String select = ctx.request().getParam("$select");
              JsonObject firstParams =
                  new JsonObject()
                      .put(CalendarWindow.START, ctx.request().getParam(CalendarWindow.START))
                      .put(CalendarWindow.END, ctx.request().getParam(CalendarWindow.END));
              if (select != null) {
                firstParams.put("$select", select);
              }
              DeltaQuery query =
                  new DeltaQuery(
                      ctx.request().getParam("$deltatoken"),
                      ctx.request().getParam("$skiptoken"),
                      firstParams,
                      GraphRequests.pageSize(ctx, EVENT_PAGE, MAX_PAGE));
              Optional<CalendarWindow> window =
                  CalendarWindow.from(context.deltaPager().params(query));
              if (window.isEmpty() && query.token() == null) {
                GraphErrors.write(ctx, 400, "ErrorInvalidParameter", WINDOW_REQUIRED);
                return;
              }
              DeltaLinks links =
                  DeltaLinks.odata(GraphRequests.pathUrl(ctx, context.graphBaseUrl()));
              DeltaView<Event> view =
                  new DeltaView<>() {
                    @Override
                    public JsonObject render(Event event, JsonObject params) {
                      return GraphRequests.select(event.toGraph(), params.getString("$select"));
                    }

                    @Override
                    public JsonObject removed(
                        DeltaCollection.Entry<Event> entry, JsonObject params) {
                      return GraphRequests.removed(entry.id(), entry.removedReason());
                    }

                    @Override
                    public boolean inScope(Event event, JsonObject params) {
                      return CalendarWindow.from(params).map(w -> w.contains(event)).orElse(false);
                    }
                  };
              DeltaResult result =
                  context
                      .directory()
                      .locked(
                          () ->
                              context
                                  .deltaPager()
                                  .page(
                                      target.calendars().events(),
                                      "calendar:" + target.tenantId() + ":" + target.user().id(),
                                      query,
                                      links,
                                      view));
              DeltaResponses.write(
                  ctx, result, context.graphBaseUrl() + "/$metadata#Collection(event)", links);
            });
  }

  private void view(RoutingContext ctx, Target target) {
    JsonObject params =
        new JsonObject()
            .put(CalendarWindow.START, ctx.request().getParam(CalendarWindow.START))
            .put(CalendarWindow.END, ctx.request().getParam(CalendarWindow.END));
    Optional<CalendarWindow> window = CalendarWindow.from(params);
    if (window.isEmpty()) {
      GraphErrors.write(ctx, 400, "ErrorInvalidParameter", WINDOW_REQUIRED);
      return;
    }
    page(ctx, target.calendars().events().live().stream().filter(window.get()::contains).toList());
  }

  private void events(RoutingContext ctx, Target target) {
    page(ctx, target.calendars().events().live());
  }

  private void event(RoutingContext ctx, Target target) {
    target
        .calendars()
        .events()
        .get(ctx.pathParam("eventId"))
        .ifPresentOrElse(
            e ->
                GraphErrors.ok(
                    ctx, GraphRequests.select(e.toGraph(), ctx.request().getParam("$select"))),
            () -> notFound(ctx));
  }

  private void calendar(RoutingContext ctx, Target target) {
    target
        .calendars()
        .calendar(ctx.pathParam("calendarId"))
        .ifPresentOrElse(c -> GraphErrors.ok(ctx, calendarJson(target, c)), () -> notFound(ctx));
  }

  private void groupCalendars(RoutingContext ctx, Target target) {
    Optional<CalendarGroup> group = target.calendars().group(ctx.pathParam("groupId"));
    if (group.isEmpty()) {
      notFound(ctx);
      return;
    }
    list(
        ctx,
        target.calendars().calendars().stream()
            .filter(c -> c.groupId().equals(group.get().id()))
            .map(c -> calendarJson(target, c))
            .toList());
  }

  /** Events sorted by start, paged with {@code $top}/{@code $skip}. */
  private void page(RoutingContext ctx, List<Event> events) {
    int top = GraphRequests.intParam(ctx, "$top", EVENT_PAGE, MAX_PAGE);
    int skip = GraphRequests.intParam(ctx, "$skip", 0, Integer.MAX_VALUE);
    List<Event> sorted =
        events.stream()
            .sorted(java.util.Comparator.comparing(Event::start).thenComparing(Event::id))
            .toList();
    String select = ctx.request().getParam("$select");
    // The next page repeats the rest of the query: the window and $select.
    String query =
        ctx.request().query() == null
            ? ""
            : ctx.request()
                .query()
                .replaceAll("(^|&)\\$(top|skip)=[^&]*", "")
                .replaceFirst("^&", "");
    GraphErrors.ok(
        ctx,
        GraphRequests.pageBySkip(
            ctx,
            context.graphBaseUrl(),
            new JsonObject(),
            sorted,
            top,
            skip,
            e -> GraphRequests.select(e.toGraph(), select),
            query));
  }

  private static void list(RoutingContext ctx, List<JsonObject> items) {
    GraphErrors.ok(ctx, new JsonObject().put("value", new JsonArray(items)));
  }

  private static JsonObject calendarJson(Target target, Calendar calendar) {
    return calendar.toGraph(target.user().displayName(), target.user().userPrincipalName());
  }

  private Handler with(BiConsumer<RoutingContext, Target> action) {
    return ctx ->
        resolve(ctx)
            .ifPresent(target -> context.directory().locked(() -> action.accept(ctx, target)));
  }

  private Optional<Target> resolve(RoutingContext ctx) {
    return TargetUser.authorize(ctx, context, requests, Permission.READ_CALENDARS, User::hasMailbox)
        .map(
            target ->
                new Target(
                    target.tenantId(),
                    target.user(),
                    context
                        .directory()
                        .locked(
                            () ->
                                target
                                    .tenant(context.directory())
                                    .calendars(target.user().id())
                                    .orElseThrow())));
  }

  private static void notFound(RoutingContext ctx) {
    GraphErrors.write(
        ctx, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  private record Target(String tenantId, User user, UserCalendars calendars) {}

  private interface Handler extends io.vertx.core.Handler<RoutingContext> {}
}
