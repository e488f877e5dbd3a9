package dev.o365connector.simulator.stats;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a request by the route that serves it, with every path parameter shown as {@code {id}}:
 * {@code GET /v1.0/users/{id}/mailFolders/{id}/messages/delta}. The router is searched the way it
 * dispatches (first registered route wins), so requests a fault answered before any route ran are
 * named like the ones that reached their route.
 */
final class RouteTemplates {

  /** The name of requests no route serves; one name keeps unknown paths from piling up keys. */
  static final String UNMATCHED = "(no route)";

  private static final Pattern PARAM = Pattern.compile(":[A-Za-z0-9_]+");

  private record Template(Set<HttpMethod> methods, Pattern pattern, String name) {}

  private final Router router;
  private List<Template> templates;

  RouteTemplates(Router router) {
    this.router = router;
  }

  synchronized String name(HttpMethod method, String path) {
    if (templates == null) {
      templates = compile(router);
    }
    for (Template template : templates) {
      if ((template.methods.isEmpty() || template.methods.contains(method))
          && template.pattern.matcher(path).matches()) {
        return method.name() + " " + template.name;
      }
    }
    return method.name() + " " + UNMATCHED;
  }

  // Routes are all registered before the server listens, so one pass at the first request is
  // enough.
  private static List<Template> compile(Router router) {
    List<Template> compiled = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || RequestFacts.isControl(path)) {
        continue;
      }
      Set<HttpMethod> methods = route.methods() == null ? Set.of() : route.methods();
      String name =
          URLDecoder.decode(PARAM.matcher(path).replaceAll("{id}"), StandardCharsets.UTF_8);
      compiled.add(new Template(methods, pattern(path), name));
    }
    return compiled;
  }

  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    Matcher params = PARAM.matcher(path);
    int last = 0;
    while (params.find()) {
      regex.append(Pattern.quote(path.substring(last, params.start()))).append("[^/]+");
      last = params.end();
    }
    return Pattern.compile(
        regex.append(Pattern.quote(path.substring(last))).append("/?").toString());
  }
}
