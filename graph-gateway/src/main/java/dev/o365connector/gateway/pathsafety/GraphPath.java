package dev.o365connector.gateway.pathsafety;

import dev.o365connector.gateway.error.GatewayProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A caller's {@code /graph/{installationId}/v1.0/{path}?{query}}, checked on the raw, undecoded
 * request line before anything else looks at it: nothing that could make Graph (or anything in
 * between) resolve a different path than the one checked against the catalogue gets through.
 *
 * @param installationId the installation, a UUID
 * @param rawPath the Graph path as received, still percent-encoded, e.g. {@code /me/messages}
 * @param path {@code rawPath} decoded, as matched against the route catalogue
 * @param rawQuery the query as received, or null
 */
public record GraphPath(String installationId, String rawPath, String path, String rawQuery) {

  public static final String PREFIX = "/graph/";
  private static final String VERSION = "v1.0";
  private static final int MAX_LENGTH = 4096;

  /**
   * Encoded separators and dots (which some servers decode before routing), encoded at-signs, and
   * encoded control characters.
   */
  private static final Pattern FORBIDDEN_ENCODINGS =
      Pattern.compile("%(2f|5c|2e|40|[01][0-9a-f]|7f)", Pattern.CASE_INSENSITIVE);

  private static final Pattern ENCODED_CONTROLS =
      Pattern.compile("%([01][0-9a-f]|7f)", Pattern.CASE_INSENSITIVE);

  /** Parses and checks {@code rawPath} (which starts with {@link #PREFIX}) and {@code rawQuery}. */
  public static GraphPath parse(String rawPath, String rawQuery) {
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_LENGTH) {
      throw refused("the request line is longer than " + MAX_LENGTH + " characters");
    }
    String rest = rawPath.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String installation = slash < 0 ? rest : rest.substring(0, slash);
    if (!isUuid(installation)) {
      throw new GatewayProblem(
          404, "not-found", "Not found", "Installation " + installation + " does not exist");
    }
    String versioned = slash < 0 ? "" : rest.substring(slash + 1);
    if (!versioned.equals(VERSION) && !versioned.startsWith(VERSION + "/")) {
      throw refused("only Graph v1.0 is served (/graph/{installationId}/v1.0/...)");
    }
    String graphPath = versioned.substring(VERSION.length());
    checkPath(graphPath);
    if (rawQuery != null) {
      checkCharacters(rawQuery, "query");
    }
    return new GraphPath(
        installation.toLowerCase(Locale.ROOT), graphPath, decode(graphPath), rawQuery);
  }

  /** Path and query as sent upstream, below Graph's base path. */
  public String pathAndQuery() {
    return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
  }

  /** The same checks for a path inside a {@code $batch} request ({@code url} relative to v1.0). */
  public static GraphPath ofBatchUrl(String installationId, String url) {
    String relative = url.startsWith("/") ? url : "/" + url;
    int question = relative.indexOf('?');
    String rawPath = question < 0 ? relative : relative.substring(0, question);
    String rawQuery = question < 0 ? null : relative.substring(question + 1);
    return parse(PREFIX + installationId + "/" + VERSION + rawPath, rawQuery);
  }

  private static void checkPath(String path) {
    if (path.isEmpty() || path.equals("/")) {
      throw new GatewayProblem(
          403, "route-not-allowed", "Route not allowed", "No Graph path was given");
    }
    checkCharacters(path, "path");
    if (path.contains("//")) {
      throw refused("empty path segments (//) are not allowed");
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('@') >= 0) {
      throw refused("backslashes and @ are not allowed in the path");
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw refused("dot segments (. and ..) are not allowed");
      }
    }
    String first = path.substring(1).split("/", 2)[0].toLowerCase(Locale.ROOT);
    if (first.equals("_sim") || first.equals("beta") || first.contains(":")) {
      throw refused("/" + first + " is not a Graph v1.0 path");
    }
  }

  private static void checkCharacters(String part, String where) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw refused("control characters are not allowed in the " + where);
      }
    }
    if (FORBIDDEN_ENCODINGS.matcher(part).find() && (where.equals("path") || controls(part))) {
      throw refused(
          "encoded slashes, backslashes, dots, @ and control characters are not allowed in the "
              + where);
    }
  }

  /** In a query only encoded control characters are refused; %2F and friends are legitimate. */
  private static boolean controls(String query) {
    return ENCODED_CONTROLS.matcher(query).find();
  }

  private static String decode(String rawPath) {
    try {
      // '+' is a literal plus in a path, not a space.
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw refused("the path is not valid percent-encoding");
    }
  }

  private static boolean isUuid(String value) {
    if (value.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static GatewayProblem refused(String detail) {
    return new GatewayProblem(400, "path-not-allowed", "Path not allowed", detail);
  }
}
