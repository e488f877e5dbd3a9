package dev.o365connector.contracts.permission;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link GraphRoute}'s template split into segments, matched against a path the way Graph reads
 * one: literal segments case-insensitively, a {@code {name}} against exactly one non-empty segment.
 */
final class RoutePattern {

  /**
   * Literals before parameters, leftmost segment first, so that where a literal and a parameter
   * route could both match (say {@code /mailFolders/inbox} beside {@code /mailFolders/{folderId}})
   * the first pattern that matches is the most specific one.
   */
  static final Comparator<RoutePattern> PRECEDENCE =
      Comparator.comparingInt((RoutePattern p) -> p.literals.length)
          .thenComparing(RoutePattern::shape);

  private static final String DELTA = "delta";
  private static final String DELTA_CALL = "delta()";

  private final GraphRoute route;

  /** Per segment: the literal in lower case, or null where the template has a parameter. */
  private final String[] literals;

  /** Per segment: the parameter name, or null where the template has a literal. */
  private final String[] names;

  RoutePattern(GraphRoute route) {
    this.route = route;
    String[] segments = route.template().substring(1).split("/", -1);
    literals = new String[segments.length];
    names = new String[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2) {
        names[i] = segment.substring(1, segment.length() - 1);
      } else if (!segment.isEmpty() && segment.indexOf('{') < 0 && segment.indexOf('}') < 0) {
        literals[i] = asciiLowerCase(segment);
      } else {
        throw new IllegalArgumentException("malformed route template " + route.template());
      }
    }
  }

  GraphRoute route() {
    return route;
  }

  /**
   * The path parameters if {@code segments} (a path without its leading slash, split at every
   * {@code /}) matches, else null.
   */
  Map<String, String> match(String[] segments) {
    if (segments.length != literals.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (literals[i] != null) {
        if (!matchesLiteral(literals[i], segment)) {
          return null;
        }
      } else if (isParameterValue(segment)) {
        parameters.put(names[i], segment);
      } else {
        return null;
      }
    }
    return parameters;
  }

  /**
   * Graph's literals are ASCII, and folding only ASCII letters keeps look-alikes such as {@code ſ}
   * (which {@link String#equalsIgnoreCase} equates with {@code s}) from passing the allow-list.
   * Delta may also be called with OData function syntax, {@code delta()}, as Microsoft's SDKs do.
   */
  private static boolean matchesLiteral(String literal, String segment) {
    String folded = asciiLowerCase(segment);
    return folded.equals(literal) || (literal.equals(DELTA) && folded.equals(DELTA_CALL));
  }

  /**
   * Dot segments are refused so that no HTTP client or proxy on the way can normalise a matched
   * path into a different route, e.g. {@code /me/messages/..} into {@code /me}. {@code delta} is
   * refused because Graph reads it as the delta function, never as an id: {@code
   * /me/messages/delta} and {@code /me/events/delta}, which v1.0 does not have, must not pass as
   * reading a message or event called "delta".
   */
  private static boolean isParameterValue(String segment) {
    return !segment.isEmpty()
        && !segment.equals(".")
        && !segment.equals("..")
        && !matchesLiteral(DELTA, segment);
  }

  private String shape() {
    StringBuilder shape = new StringBuilder(literals.length);
    for (String literal : literals) {
      shape.append(literal != null ? 'a' : 'b');
    }
    return shape.toString();
  }

  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }
}
