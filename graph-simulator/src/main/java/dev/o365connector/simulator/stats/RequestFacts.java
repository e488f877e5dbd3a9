package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request is from and what it touches, worked out once per request for the fault, limit and
 * statistics handlers.
 *
 * @param graph whether it is a Graph request ({@code /v1.0/...}) rather than an identity one
 * @param tenantId the token's {@code tid} (Graph) or the {@code {tenant}} path segment resolved to
 *     a tenant id when it names one (identity); null when unknown
 * @param clientId the token's {@code appid}, or {@code client_id} on identity endpoints; else
 *     {@code anonymous}
 * @param mailbox the user id of the mailbox an Outlook route reads; null for other routes
 */
public record RequestFacts(boolean graph, String tenantId, String clientId, String mailbox) {

  public static final String ANONYMOUS = "anonymous";

  private static final String KEY = RequestFacts.class.getName();
  private static final Set<String> OUTLOOK =
      Set.of(
          "messages",
          "mailFolders",
          "calendar",
          "calendars",
          "calendarGroups",
          "events",
          "calendarView");

  /** Whether the control API serves {@code path}: none of the handlers here touch it. */
  public static boolean isControl(String path) {
    return path.equals("/_sim") || path.startsWith("/_sim/");
  }

  /** The facts of {@code ctx}'s request, computed on first use. */
  public static RequestFacts of(RoutingContext ctx, SimulatorContext context) {
    RequestFacts facts = ctx.get(KEY);
    if (facts == null) {
      facts = compute(ctx, context);
      ctx.put(KEY, facts);
    }
    return facts;
  }

  private static RequestFacts compute(RoutingContext ctx, SimulatorContext context) {
    String[] segments = ctx.request().path().substring(1).split("/", -1);
    if (!segments[0].equals("v1.0")) {
      String tenant = decode(segments[0]);
      return new RequestFacts(
          false,
          context.directory().tenant(tenant).map(Tenant::id).orElse(tenant.toLowerCase()),
          identityClient(ctx),
          null);
    }
    Optional<JsonObject> claims = claims(ctx, context);
    String tenantId = claims.map(c -> c.getString("tid")).orElse(null);
    String clientId = claims.map(c -> c.getString("appid")).orElse(ANONYMOUS);
    return new RequestFacts(true, tenantId, clientId, mailbox(segments, claims, context));
  }

  private static String mailbox(
      String[] segments, Optional<JsonObject> claims, SimulatorContext context) {
    if (segments.length >= 3 && segments[1].equals("me") && OUTLOOK.contains(segments[2])) {
      return claims.map(c -> c.getString("oid")).orElse(null);
    }
    if (segments.length >= 4 && segments[1].equals("users") && OUTLOOK.contains(segments[3])) {
      String requested = decode(segments[2]);
      String tenantId = claims.map(c -> c.getString("tid")).orElse(null);
      return context
          .directory()
          .locked(() -> context.directory().tenant(tenantId).flatMap(t -> user(t, requested)))
          .map(User::id)
          .orElse(requested.toLowerCase());
    }
    return null;
  }

  private static Optional<User> user(Tenant tenant, String idOrUpn) {
    Optional<User> byId = tenant.users().get(idOrUpn);
    return byId.isPresent()
        ? byId
        : tenant.users().live().stream()
            .filter(u -> u.userPrincipalName().equalsIgnoreCase(idOrUpn))
            .findFirst();
  }

  // Statistics attribute requests even with expired tokens, so only the signature is checked.
  private static Optional<JsonObject> claims(RoutingContext ctx, SimulatorContext context) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return context.jwt().verify(header.substring(7).trim());
  }

  private static String identityClient(RoutingContext ctx) {
    String clientId = ctx.request().formAttributes().get("client_id");
    if (clientId == null) {
      clientId = ctx.request().getParam("client_id");
    }
    String header = ctx.request().getHeader("Authorization");
    if (clientId == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      clientId = basicUser(header.substring(6).trim());
    }
    return clientId == null || clientId.isBlank() ? ANONYMOUS : clientId;
  }

  private static String basicUser(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return decode(colon < 0 ? decoded : decoded.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
