package dev.o365connector.simulator.graph;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph accepts OData function calls as {@code .../delta()} and, for drives, {@code
 * .../delta(token='...')}; Microsoft's SDKs send those forms. They are rerouted to the plain {@code
 * .../delta} routes before anything else sees the request, so stats, limits and faults count it
 * once.
 */
public final class FunctionSyntax {

  private static final Pattern DELTA_CALL =
      Pattern.compile("^(/v1\\.0/.*/delta)(?:\\(\\)|\\(token='([^']*)'\\))$");

  private FunctionSyntax() {}

  public static void register(Router router) {
    router.routeWithRegex("/v1\\.0/.*/delta\\(.*\\)$").handler(FunctionSyntax::reroute);
  }

  private static void reroute(RoutingContext ctx) {
    Matcher call = DELTA_CALL.matcher(ctx.request().path());
    if (!call.matches()) {
      ctx.next();
      return;
    }
    StringBuilder query = new StringBuilder();
    if (call.group(2) != null) {
      query.append("token=").append(URLEncoder.encode(call.group(2), StandardCharsets.UTF_8));
    }
    String original = ctx.request().query();
    if (original != null && !original.isEmpty()) {
      query.append(query.length() == 0 ? "" : "&").append(original);
    }
    ctx.reroute(call.group(1) + (query.length() == 0 ? "" : "?" + query));
  }
}
