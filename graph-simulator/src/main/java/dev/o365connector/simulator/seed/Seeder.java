package dev.o365connector.simulator.seed;

import dev.o365connector.contracts.PlatformRoles;
import dev.o365connector.simulator.calendar.CalendarSeeder;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.InternalClient;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.DriveSeeder;
import dev.o365connector.simulator.mail.MailSeeder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creates tenants, users and app registrations from the directory's seeded id sequence. */
public final class Seeder {

  /** Redirect URI of the demo app: auth-service's callback on its default port. */
  public static final String DEMO_REDIRECT_URI = "http://localhost:8081/connector/callback";

  /** Application permissions the connector's app registration asks for. */
  public static final Set<String> CONNECTOR_APP_PERMISSIONS =
      Set.of("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All");

  private static final String[] GIVEN_NAMES = {
    "Adele",
    "Alex",
    "Diego",
    "Grady",
    "Isaiah",
    "Johanna",
    "Joni",
    "Lee",
    "Lidia",
    "Lynne",
    "Megan",
    "Miriam",
    "Nestor",
    "Patti",
    "Pradeep",
    "Henrietta"
  };
  private static final String[] SURNAMES = {
    "Vance",
    "Wilber",
    "Siciliani",
    "Archie",
    "Langer",
    "Lorenz",
    "Sherman",
    "Gu",
    "Holloway",
    "Robbins",
    "Bowen",
    "Graham",
    "Wilke",
    "Fernandez",
    "Gupta",
    "Mueller"
  };

  private final Directory directory;

  public Seeder(Directory directory) {
    this.directory = directory;
  }

  /** A new tenant with {@code spec.users()} users. */
  public Tenant seedTenant(SeedSpec spec) {
    Ids ids = directory.ids();
    String domain = spec.name() + ".onmicrosoft.com";
    return directory.locked(
        () -> {
          Tenant tenant = directory.addTenant(new Tenant(ids.guid(), domain, spec.name()));
          List<User> users = new ArrayList<>();
          for (int i = 0; i < spec.users(); i++) {
            String given = GIVEN_NAMES[i % GIVEN_NAMES.length];
            String surname = SURNAMES[(i / GIVEN_NAMES.length) % SURNAMES.length];
            String suffix = i < GIVEN_NAMES.length ? "" : Integer.toString(i);
            String upn = (given + surname.charAt(0) + suffix).toLowerCase() + "@" + domain;
            boolean mailbox = i < spec.users() - spec.usersWithoutMailbox();
            boolean drive = i >= spec.usersWithoutDrive();
            User user =
                new User(
                    ids.guid(),
                    upn,
                    given + " " + surname,
                    given,
                    surname,
                    "Employee",
                    mailbox,
                    drive,
                    1);
            tenant.users().put(user);
            users.add(user);
          }
          MailSeeder mail = new MailSeeder(ids);
          CalendarSeeder calendar = new CalendarSeeder(ids);
          for (User user : users) {
            if (user.hasMailbox()) {
              tenant.addMailbox(
                  user.id(),
                  mail.mailbox(user, users, spec.mailFoldersPerUser(), spec.messagesPerUser()));
              tenant.addCalendars(user.id(), calendar.calendars(user, users, spec.eventsPerUser()));
            }
          }
          DriveSeeder files = new DriveSeeder(ids);
          for (User user : users) {
            if (user.hasDrive()) {
              tenant.addDrive(user.id(), files.drive(user, spec.driveItemsPerUser()));
            }
          }
          return tenant;
        });
  }

  /** A multi-tenant app with a new client id and secret. */
  public AppRegistration registerApp(
      String displayName, List<String> redirectUris, Set<String> applicationPermissions) {
    Ids ids = directory.ids();
    return directory.register(
        new AppRegistration(
            ids.guid(), displayName, List.of(ids.secret()), redirectUris, applicationPermissions));
  }

  /**
   * The platform tenant: our services and a developer tool as client-credentials clients holding
   * the internal roles (docs/security.md, "Internal callers").
   */
  public Tenant seedPlatformTenant() {
    Ids ids = directory.ids();
    Tenant platform = new Tenant(ids.guid(), "platform.o365connector.local", "platform");
    directory.setPlatformTenant(
        platform,
        List.of(
            new InternalClient("auth-service", ids.secret(), Set.of()),
            new InternalClient("graph-gateway", ids.secret(), Set.of(PlatformRoles.TOKENS_ISSUE)),
            new InternalClient("sync-worker", ids.secret(), Set.of(PlatformRoles.GRAPH_READ)),
            new InternalClient("platform-dev", ids.secret(), Set.copyOf(PlatformRoles.ALL))));
    return platform;
  }
}
