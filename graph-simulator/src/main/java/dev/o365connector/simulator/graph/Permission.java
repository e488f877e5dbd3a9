package dev.o365connector.simulator.graph;

import java.util.Set;

/**
 * What a Graph route accepts, per kind of token; refusals use the workload's own error code. A
 * route with no application permissions is a {@code /me}-only route: app-only tokens get Graph's
 * 400 there.
 */
public record Permission(Set<String> delegated, Set<String> application, Workload workload) {

  public static final Permission READ_USERS =
      new Permission(
          Set.of("User.Read.All", "User.ReadBasic.All", "Directory.Read.All"),
          Set.of("User.Read.All", "Directory.Read.All"),
          Workload.DIRECTORY);

  public static final Permission READ_ME =
      new Permission(
          Set.of("User.Read", "User.Read.All", "User.ReadBasic.All", "Directory.Read.All"),
          Set.of(),
          Workload.DIRECTORY);

  public static final Permission READ_MAIL =
      new Permission(
          Set.of("Mail.Read", "Mail.ReadBasic", "Mail.ReadWrite"),
          Set.of("Mail.Read", "Mail.ReadBasic.All", "Mail.ReadWrite"),
          Workload.OUTLOOK);

  public static final Permission READ_CALENDARS =
      new Permission(
          Set.of("Calendars.Read", "Calendars.ReadBasic", "Calendars.ReadWrite"),
          Set.of("Calendars.Read", "Calendars.ReadBasic", "Calendars.ReadWrite"),
          Workload.OUTLOOK);

  public static final Permission READ_FILES =
      new Permission(
          Set.of("Files.Read", "Files.Read.All", "Files.ReadWrite", "Files.ReadWrite.All"),
          Set.of("Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All"),
          Workload.DRIVE);
}
