package dev.o365connector.simulator.seed;

/**
 * What a seeded tenant holds. The control API's {@code POST /_sim/tenants} body.
 *
 * @param name short tenant name; the domain is {@code <name>.onmicrosoft.com}
 * @param users how many users
 * @param usersWithoutMailbox how many of them have no Exchange mailbox (the last ones)
 * @param usersWithoutDrive how many of them have no OneDrive (the first ones)
 * @param messagesPerUser messages in each mailbox, spread over its folders
 * @param mailFoldersPerUser folders beyond the well-known ones (half of them nested)
 * @param eventsPerUser events in each primary calendar
 * @param driveItemsPerUser files and folders in each OneDrive
 */
public record SeedSpec(
    String name,
    int users,
    int usersWithoutMailbox,
    int usersWithoutDrive,
    int messagesPerUser,
    int mailFoldersPerUser,
    int eventsPerUser,
    int driveItemsPerUser) {

  /** Users only. */
  public SeedSpec(String name, int users, int usersWithoutMailbox, int usersWithoutDrive) {
    this(name, users, usersWithoutMailbox, usersWithoutDrive, 0, 0, 0, 0);
  }

  public SeedSpec {
    if (messagesPerUser < 0
        || mailFoldersPerUser < 0
        || eventsPerUser < 0
        || driveItemsPerUser < 0) {
      throw new IllegalArgumentException("item counts must not be negative");
    }
    if ((long) users * (messagesPerUser + eventsPerUser + driveItemsPerUser) > 5_000_000L) {
      throw new IllegalArgumentException("at most 5,000,000 items per tenant");
    }
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("name must be 1-40 lower-case letters, digits or '-'");
    }
    if (users < 0 || users > 1_000_000) {
      throw new IllegalArgumentException("users must be between 0 and 1000000");
    }
    if (usersWithoutMailbox < 0
        || usersWithoutDrive < 0
        || usersWithoutMailbox > users
        || usersWithoutDrive > users) {
      throw new IllegalArgumentException(
          "users without mailbox or drive must be between 0 and users");
    }
  }
}
