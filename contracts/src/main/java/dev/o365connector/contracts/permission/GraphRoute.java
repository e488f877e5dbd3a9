package dev.o365connector.contracts.permission;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.Objects;

/**
 * One read-only Graph v1.0 GET an installation of {@code type} may send, e.g. {@code
 * /users/{userId}/mailFolders/{folderId}/messages/delta}.
 *
 * @param template the path after {@code /v1.0}; {@code {name}} stands for one path segment
 * @param resource the data it reads, which decides the permission it needs
 * @param type the installation type allowed to call it
 * @param outlook whether it reads an Outlook mailbox (mail or calendar), so Outlook's per-mailbox
 *     limits apply to it
 */
public record GraphRoute(
    String template, Resource resource, InstallationType type, boolean outlook) {

  public GraphRoute {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(type, "type");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("route template must start with '/': " + template);
    }
  }

  /** The permission this route needs; {@link GraphPermissions} stays the only source of names. */
  public String permission() {
    return GraphPermissions.required(resource, type);
  }
}
