package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Request details shared by Graph routes: permission checks, paging preferences, $select. */
public final class GraphRequests {

  private static final String MAX_PAGE_SIZE = "odata.maxpagesize=";

  private final GraphAuth auth;

  GraphRequests(GraphAuth auth) {
    this.auth = auth;
  }

  /** The checks every Graph route of this simulator shares, against its tokens. */
  public static GraphRequests of(SimulatorContext context) {
    return new GraphRequests(new GraphAuth(context));
  }

  /**
   * The principal if its token is valid and holds one of the permissions the route accepts for its
   * kind of token; otherwise the 401/403 is already written.
   */
  public Optional<GraphPrincipal> authorize(RoutingContext ctx, Permission permission) {
    Optional<GraphPrincipal> principal = auth.authenticate(ctx);
    if (principal.isEmpty()) {
      return principal;
    }
    if (!principal.get().delegated() && permission.application().isEmpty()) {
      GraphErrors.write(
          ctx, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
      return Optional.empty();
    }
    Set<String> accepted =
        principal.get().delegated() ? permission.delegated() : permission.application();
    if (!principal.get().hasAny(accepted)) {
      GraphErrors.write(
          ctx, 403, permission.workload().deniedCode, permission.workload().deniedMessage);
      return Optional.empty();
    }
    return principal;
  }

  /** {@code Prefer: odata.maxpagesize=n}, clamped to [1, max]; else {@code fallback}. */
  public static int pageSize(RoutingContext ctx, int fallback, int max) {
    // Clients send several preferences, in one header or in several.
    for (String header : ctx.request().headers().getAll("Prefer")) {
      for (String part : header.split(",")) {
        String trimmed = part.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith(MAX_PAGE_SIZE)) {
          try {
            return Math.max(
                1, Math.min(max, Integer.parseInt(trimmed.substring(MAX_PAGE_SIZE.length()))));
          } catch (NumberFormatException e) {
            return fallback;
          }
        }
      }
    }
    return fallback;
  }

  /** A whole-number query parameter clamped to [0, max]; {@code fallback} when absent or bad. */
  public static int intParam(RoutingContext ctx, String name, int fallback, int max) {
    try {
      String value = ctx.request().getParam(name);
      return value == null ? fallback : Math.max(0, Math.min(max, Integer.parseInt(value)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Page {@code top}/{@code skip} of {@code all}, rendered, as {@code body}'s {@code value}; when
   * more follow, an {@code @odata.nextLink} to the next page, repeating {@code keptQuery} (the rest
   * of the query the next page needs, or empty) before its {@code $top} and {@code $skip}.
   */
  public static <T> JsonObject pageBySkip(
      RoutingContext ctx,
      String graphBaseUrl,
      JsonObject body,
      List<T> all,
      int top,
      int skip,
      Function<T, JsonObject> render,
      String keptQuery) {
    JsonArray value = new JsonArray();
    all.stream().skip(skip).limit(top).forEach(item -> value.add(render.apply(item)));
    body.put("value", value);
    if ((long) skip + top < all.size()) {
      body.put(
          "@odata.nextLink",
          pathUrl(ctx, graphBaseUrl)
              + "?"
              + (keptQuery.isEmpty() ? "" : keptQuery + "&")
              + "$top="
              + top
              + "&$skip="
              + (skip + top));
    }
    return body;
  }

  /** The object with only {@code id} and the {@code $select}ed properties (null: all of them). */
  public static JsonObject select(JsonObject full, String select) {
    if (select == null || select.isBlank()) {
      return full;
    }
    Set<String> wanted =
        Arrays.stream(select.split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    JsonObject selected = new JsonObject().put("id", full.getValue("id"));
    full.forEach(
        field -> {
          if (wanted.contains(field.getKey().toLowerCase(Locale.ROOT))) {
            selected.put(field.getKey(), field.getValue());
          }
        });
    return selected;
  }

  /**
   * {@code {"id":..,"@removed":{"reason":..}}}; an object that only left the round's scope (no
   * reason of its own) reads as deleted, as calendarView delta reports it.
   */
  public static JsonObject removed(String id, String reason) {
    return new JsonObject()
        .put("id", id)
        .put("@removed", new JsonObject().put("reason", reason == null ? "deleted" : reason));
  }

  /** The absolute URL of this request's path, without its query: the base of its links. */
  public static String pathUrl(RoutingContext ctx, String graphBaseUrl) {
    String path = ctx.request().path();
    return graphBaseUrl + path.substring("/v1.0".length());
  }
}
