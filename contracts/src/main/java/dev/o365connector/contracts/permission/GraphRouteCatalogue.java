package dev.o365connector.contracts.permission;

import static dev.o365connector.contracts.installation.InstallationType.APPLICATION;
import static dev.o365connector.contracts.installation.InstallationType.DELEGATED;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every Graph GET an installation may send, and the permission each needs: the graph-gateway's
 * allow-list, checked before any request reaches Graph, and the route table in its README.
 *
 * <p>DELEGATED installations reach mailboxes, calendars and drives only under {@code /me}, because
 * delegated permissions only reach the signed-in user's own data; APPLICATION installations have no
 * signed-in user, so only under {@code /users/{userId}}. Both may read the directory.
 */
public final class GraphRouteCatalogue {

  private static final String ME = "me";
  private static final String USER_ID = "userId";

  /** A table cell with nothing to say: not allowed for that type, or no per-mailbox limit. */
  private static final String NONE = "—";

  private static final List<GraphRoute> ROUTES = declareRoutes();
  private static final Map<InstallationType, List<RoutePattern>> PATTERNS = compile(ROUTES);

  private GraphRouteCatalogue() {}

  /** All routes, grouped by resource, in a fixed order. */
  public static List<GraphRoute> routes() {
    return ROUTES;
  }

  /**
   * The route an installation of {@code type} may call at {@code path}, or empty when it may not.
   *
   * @param path the percent-decoded Graph path after {@code /v1.0}, without a query string, e.g.
   *     {@code /me/mailFolders/AAMk=/messages/delta}; empty segments, a trailing slash, and {@code
   *     .}, {@code ..} or {@code delta} where a parameter belongs never match
   */
  public static Optional<GraphRouteMatch> match(InstallationType type, String path) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    for (RoutePattern pattern : PATTERNS.get(type)) {
      Map<String, String> parameters = pattern.match(segments);
      if (parameters != null) {
        return Optional.of(
            new GraphRouteMatch(pattern.route(), owner(pattern.route(), parameters), parameters));
      }
    }
    return Optional.empty();
  }

  /**
   * The routes as a Markdown table, one row per template, in {@link #routes()} order; the same
   * routes always give the same text, so a README can embed it and a test can compare the two.
   */
  public static String markdownTable() {
    Map<String, Map<InstallationType, GraphRoute>> byTemplate = new LinkedHashMap<>();
    for (GraphRoute route : ROUTES) {
      byTemplate
          .computeIfAbsent(route.template(), t -> new EnumMap<>(InstallationType.class))
          .put(route.type(), route);
    }
    StringBuilder table =
        new StringBuilder(
            "| route template | resource | DELEGATED permission | APPLICATION permission"
                + " | per-mailbox limit |\n|---|---|---|---|---|\n");
    byTemplate.forEach(
        (template, byType) -> {
          GraphRoute route = byType.values().iterator().next();
          table
              .append("| `")
              .append(template)
              .append("` | ")
              .append(route.resource().value())
              .append(" | ")
              .append(permissionCell(byType.get(DELEGATED)))
              .append(" | ")
              .append(permissionCell(byType.get(APPLICATION)))
              .append(" | ")
              .append(
                  route.outlook() ? GraphRoute.OUTLOOK_MAILBOX_CONCURRENCY + " concurrent" : NONE)
              .append(" |\n");
        });
    return table.toString();
  }

  private static String owner(GraphRoute route, Map<String, String> parameters) {
    String template = route.template();
    boolean underMe = template.equals("/" + ME) || template.startsWith("/" + ME + "/");
    return underMe ? ME : parameters.get(USER_ID);
  }

  private static String permissionCell(GraphRoute route) {
    return route == null ? NONE : route.permission();
  }

  private static List<GraphRoute> declareRoutes() {
    List<GraphRoute> routes = new ArrayList<>();
    directory(routes, "/users", "/users/delta", "/users/{" + USER_ID + "}");
    routes.add(new GraphRoute("/" + ME, Resource.USERS, DELEGATED, false));
    mailbox(
        routes,
        Resource.MAIL,
        "/mailFolders",
        "/mailFolders/delta",
        "/mailFolders/{folderId}",
        "/mailFolders/{folderId}/childFolders",
        "/mailFolders/{folderId}/messages",
        "/mailFolders/{folderId}/messages/delta",
        "/messages",
        "/messages/{messageId}");
    mailbox(
        routes,
        Resource.CALENDAR,
        "/calendar",
        "/calendars",
        "/calendars/{calendarId}",
        "/calendars/{calendarId}/events",
        "/calendarGroups",
        "/calendarGroups/{groupId}/calendars",
        "/events",
        "/events/{eventId}",
        "/calendarView",
        "/calendarView/delta");
    mailbox(
        routes,
        Resource.FILES,
        "/drive",
        "/drive/root",
        "/drive/root/children",
        "/drive/root/delta",
        "/drive/items/{itemId}",
        "/drive/items/{itemId}/children",
        "/drive/items/{itemId}/content");
    return List.copyOf(routes);
  }

  /** Tenant-wide directory routes, readable by both installation types. */
  private static void directory(List<GraphRoute> routes, String... templates) {
    for (String template : templates) {
      for (InstallationType type : InstallationType.values()) {
        routes.add(new GraphRoute(template, Resource.USERS, type, false));
      }
    }
  }

  /** Routes into one user's data: {@code /me} for DELEGATED, {@code /users/{userId}} otherwise. */
  private static void mailbox(List<GraphRoute> routes, Resource resource, String... suffixes) {
    boolean outlook = resource == Resource.MAIL || resource == Resource.CALENDAR;
    for (String suffix : suffixes) {
      routes.add(new GraphRoute("/" + ME + suffix, resource, DELEGATED, outlook));
    }
    for (String suffix : suffixes) {
      routes.add(
          new GraphRoute("/users/{" + USER_ID + "}" + suffix, resource, APPLICATION, outlook));
    }
  }

  private static Map<InstallationType, List<RoutePattern>> compile(List<GraphRoute> routes) {
    Map<InstallationType, List<RoutePattern>> patterns = new EnumMap<>(InstallationType.class);
    for (InstallationType type : InstallationType.values()) {
      patterns.put(
          type,
          routes.stream()
              .filter(route -> route.type() == type)
              .map(RoutePattern::new)
              .sorted(RoutePattern.PRECEDENCE)
              .toList());
    }
    return patterns;
  }
}
