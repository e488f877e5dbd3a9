package dev.o365connector.simulator.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Delegated Graph and OIDC scopes as Entra reads and writes them. */
public final class Scopes {

  /** Graph's resource identifier, the prefix of its fully qualified scopes. */
  public static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

  /** The only scope client credentials accept for Graph. */
  public static final String GRAPH_DEFAULT = GRAPH_RESOURCE + "/.default";

  /** Graph's well-known application id, accepted in place of its URL. */
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

  static final List<String> DELEGATED_GRAPH =
      List.of(
          "User.Read",
          "User.Read.All",
          "User.ReadBasic.All",
          "Mail.Read",
          "Mail.ReadBasic",
          "Calendars.Read",
          "Files.Read",
          "Files.Read.All");

  static final List<String> OIDC = List.of("openid", "profile", "email", "offline_access");

  private Scopes() {}

  /**
   * A space-separated {@code scope} parameter, canonicalised; unknown values land in {@code
   * unknown}.
   *
   * @param granted canonical names: bare Graph permissions ({@code Mail.Read}) and OIDC scopes
   */
  public record Parsed(Set<String> granted, List<String> unknown) {

    public boolean hasGraphScope() {
      return granted.stream().anyMatch(Scopes::isGraph);
    }
  }

  public static Parsed parse(String scope) {
    Set<String> granted = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    if (scope != null) {
      for (String value : scope.trim().split("\\s+")) {
        if (value.isEmpty()) {
          continue;
        }
        String canonical = canonical(value);
        if (canonical == null) {
          unknown.add(value);
        } else {
          granted.add(canonical);
        }
      }
    }
    return new Parsed(granted, unknown);
  }

  public static boolean isGraph(String canonical) {
    return DELEGATED_GRAPH.contains(canonical);
  }

  /** The {@code scp} claim: bare Graph permissions, sorted, without the OIDC scopes. */
  public static String scp(Set<String> granted) {
    return String.join(" ", new TreeSet<>(granted.stream().filter(Scopes::isGraph).toList()));
  }

  /** The token response's {@code scope}: Graph permissions as URLs, then the OIDC scopes. */
  public static String responseScope(Set<String> granted) {
    List<String> values = new ArrayList<>();
    new TreeSet<>(granted.stream().filter(Scopes::isGraph).toList())
        .forEach(s -> values.add(GRAPH_RESOURCE + "/" + s));
    OIDC.stream().filter(granted::contains).forEach(values::add);
    return String.join(" ", values);
  }

  /** Whether {@code scope} names Graph's {@code .default} (by URL or application id). */
  public static boolean isGraphDefault(String scope) {
    return GRAPH_DEFAULT.equalsIgnoreCase(scope)
        || (GRAPH_APP_ID + "/.default").equalsIgnoreCase(scope);
  }

  private static String canonical(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String oidc : OIDC) {
      if (oidc.equals(lower)) {
        return oidc;
      }
    }
    String bare = value;
    String prefix = GRAPH_RESOURCE.toLowerCase(Locale.ROOT) + "/";
    if (lower.startsWith(prefix)) {
      bare = value.substring(prefix.length());
    } else if (lower.startsWith(GRAPH_APP_ID + "/")) {
      bare = value.substring(GRAPH_APP_ID.length() + 1);
    }
    for (String graph : DELEGATED_GRAPH) {
      if (graph.equalsIgnoreCase(bare)) {
        return graph;
      }
    }
    return null;
  }
}
