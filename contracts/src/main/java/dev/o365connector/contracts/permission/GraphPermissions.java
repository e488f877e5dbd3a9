package dev.o365connector.contracts.permission;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The read-only Graph permission each resource needs per installation type (the README's table).
 * Note Graph's real names: {@code Files.Read} has no application variant, so APPLICATION uses
 * {@code Files.Read.All}.
 */
public final class GraphPermissions {

  private GraphPermissions() {}

  /** The permission {@code resource} needs for an installation of {@code type}. */
  public static String required(Resource resource, InstallationType type) {
    return switch (resource) {
      case USERS -> "User.Read.All";
      case MAIL -> "Mail.Read";
      case CALENDAR -> "Calendars.Read";
      case FILES -> type == InstallationType.APPLICATION ? "Files.Read.All" : "Files.Read";
    };
  }

  /** The permissions of several resources, in resource order, without repeats. */
  public static Set<String> required(Collection<Resource> resources, InstallationType type) {
    Set<String> permissions = new LinkedHashSet<>();
    EnumSet.copyOf(resources).forEach(r -> permissions.add(required(r, type)));
    return permissions;
  }

  /** The resources an installation may read with {@code granted} permissions. */
  public static Set<Resource> readable(Collection<String> granted, InstallationType type) {
    Set<Resource> readable = EnumSet.noneOf(Resource.class);
    for (Resource resource : Resource.values()) {
      if (granted.contains(required(resource, type))) {
        readable.add(resource);
      }
    }
    return readable;
  }
}
