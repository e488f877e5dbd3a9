package dev.o365connector.contracts.permission;

import static dev.o365connector.contracts.installation.InstallationType.APPLICATION;
import static dev.o365connector.contracts.installation.InstallationType.DELEGATED;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every Graph GET an installation may send, and the permission each needs: the allow-list the
 * graph-gateway checks before any request reaches Graph, and so the Graph reads its callers may ask
 * for.
 *
 * <p>DELEGATED installations reach mailboxes, calendars and drives only under {@code /me}, because
 * delegated permissions only reach the signed-in user's own data; APPLICATION installations have no
 * signed-in user, so only under {@code /users/{userId}}. Both may read the directory.
 */
public final class GraphRouteCatalogue {

  private static final String ME = "me";
  private static final String USER_ID = "userId";

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

  private static String owner(GraphRoute route, Map<String, String> parameters) {
    String template = route.template();
    boolean underMe = template.equals("/" + ME) || template.startsWith("/" + ME + "/");
    return underMe ? ME : parameters.get(USER_ID);
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
