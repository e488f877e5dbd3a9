package dev.o365connector.simulator.directory;

import dev.o365connector.simulator.calendar.model.UserCalendars;
import dev.o365connector.simulator.delta.DeltaCollection;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.mail.model.Mailbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** An Entra tenant: its users and which apps its admin consented to. Guarded by the Directory. */
public final class Tenant {

  private final String id;
  private final String domain;
  private final String displayName;
  private final DeltaCollection<User> users = new DeltaCollection<>();
  private final Map<String, Set<String>> adminConsents = new HashMap<>();
  private final Map<String, Mailbox> mailboxes = new HashMap<>();
  private final Map<String, Drive> drives = new HashMap<>();
  private final Map<String, UserCalendars> calendars = new HashMap<>();

  public Tenant(String id, String domain, String displayName) {
    this.id = id;
    this.domain = domain;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String domain() {
    return domain;
  }

  public String displayName() {
    return displayName;
  }

  public DeltaCollection<User> users() {
    return users;
  }

  /** The mailbox of a user who has one. */
  public Optional<Mailbox> mailbox(String userId) {
    return Optional.ofNullable(mailboxes.get(userId));
  }

  public void addMailbox(String userId, Mailbox mailbox) {
    mailboxes.put(userId, mailbox);
  }

  /** The OneDrive of a user who has one. */
  public Optional<Drive> drive(String userId) {
    return Optional.ofNullable(drives.get(userId));
  }

  public void addDrive(String userId, Drive drive) {
    drives.put(userId, drive);
  }

  /** A drive of this tenant by its drive id. */
  public Optional<Drive> driveById(String driveId) {
    return drives.values().stream().filter(d -> d.id().equals(driveId)).findFirst();
  }

  /** The calendars of a user who has a mailbox. */
  public Optional<UserCalendars> calendars(String userId) {
    return Optional.ofNullable(calendars.get(userId));
  }

  public void addCalendars(String userId, UserCalendars userCalendars) {
    calendars.put(userId, userCalendars);
  }

  /**
   * Every live user who has the service {@code service} finds for their id (a mailbox, drive or
   * calendars), with it, in the users' order.
   */
  public <T> Map<User, T> liveUsersWith(Function<String, Optional<T>> service) {
    Map<User, T> with = new LinkedHashMap<>();
    for (User user : users.live()) {
      service.apply(user.id()).ifPresent(found -> with.put(user, found));
    }
    return with;
  }

  /** Deletes a user (soft, as Entra does: delta reports it as changed) and their services. */
  public boolean deleteUser(String userId) {
    mailboxes.remove(userId);
    drives.remove(userId);
    calendars.remove(userId);
    return users.remove(userId, "changed");
  }

  /**
   * Makes every delta token of this tenant unusable: {@code invalidate} answers 410 {@code
   * resyncRequired}, otherwise 410 {@code syncStateNotFound} (expired).
   */
  public void killDeltaTokens(boolean invalidate, long nowMillis) {
    List<DeltaCollection<?>> collections = new ArrayList<>();
    collections.add(users);
    for (Mailbox mailbox : mailboxes.values()) {
      collections.addAll(mailbox.deltaCollections());
    }
    drives.values().forEach(d -> collections.add(d.items()));
    calendars.values().forEach(c -> collections.add(c.events()));
    for (DeltaCollection<?> collection : collections) {
      if (invalidate) {
        collection.invalidateTokens();
      } else {
        collection.expireTokens(nowMillis);
      }
    }
  }

  /** The user a sign-in names: by id or user principal name; without a hint, the first user. */
  public Optional<User> signInUser(String loginHint) {
    if (loginHint == null || loginHint.isBlank()) {
      return users.live().stream().findFirst();
    }
    return user(loginHint);
  }

  /** A live user by id or by user principal name (case-insensitive), as Graph finds them. */
  public Optional<User> user(String idOrUpn) {
    return users.live().stream()
        .filter(u -> u.id().equals(idOrUpn) || u.userPrincipalName().equalsIgnoreCase(idOrUpn))
        .findFirst();
  }

  /** Records tenant-wide consent: the app's application permissions become its roles here. */
  public void grantAdminConsent(AppRegistration app) {
    adminConsents.put(app.clientId(), app.applicationPermissions());
  }

  /** The app roles an admin granted to the app in this tenant; empty without admin consent. */
  public Optional<Set<String>> adminConsentedRoles(String clientId) {
    return Optional.ofNullable(adminConsents.get(clientId));
  }
}
