package dev.o365connector.gateway;

import static dev.o365connector.contracts.installation.InstallationType.APPLICATION;
import static dev.o365connector.contracts.installation.InstallationType.DELEGATED;

import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.permission.GraphRoute;
import dev.o365connector.contracts.permission.GraphRouteCatalogue;
import dev.o365connector.gateway.config.GatewayConfig;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The route catalogue as the Markdown table the README embeds between its {@code routes:begin} and
 * {@code routes:end} markers, with the per-mailbox limit the gateway applies by default.
 */
final class RouteTable {

  /** A table cell with nothing to say: not allowed for that type, or no per-mailbox limit. */
  private static final String NONE = "—";

  private RouteTable() {}

  /**
   * One row per template, in {@link GraphRouteCatalogue#routes()} order; the same routes always
   * give the same text, so a test can compare it with the README's.
   */
  static String markdown() {
    Map<String, Map<InstallationType, GraphRoute>> byTemplate = new LinkedHashMap<>();
    for (GraphRoute route : GraphRouteCatalogue.routes()) {
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
                  route.outlook()
                      ? GatewayConfig.Mailbox.OUTLOOK_MAILBOX_CONCURRENCY + " concurrent"
                      : NONE)
              .append(" |\n");
        });
    return table.toString();
  }

  private static String permissionCell(GraphRoute route) {
    return route == null ? NONE : route.permission();
  }
}
