package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.mail.model.MailFolder;
import dev.o365connector.simulator.mail.model.Mailbox;
import dev.o365connector.simulator.mail.model.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds mailboxes: the well-known folders, extra folders, messages from colleagues. */
public final class MailSeeder {

  /** Seeded mail is dated from here, one hour apart, so the same seed gives the same mailbox. */
  static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

  private static final String[] SUBJECTS = {
    "Quarterly review", "Lunch on Friday?", "Contract draft v2", "Travel approval",
    "Re: Onboarding plan", "Invoice 4711", "Team offsite agenda", "Security training reminder"
  };

  private final Ids ids;

  public MailSeeder(Ids ids) {
    this.ids = ids;
  }

  /** A mailbox with the well-known folders, {@code extraFolders} more and {@code messages}. */
  public Mailbox mailbox(User owner, List<User> colleagues, int extraFolders, int messages) {
    Mailbox mailbox = new Mailbox(ids.guid());
    for (String name : Mailbox.WELL_KNOWN) {
      mailbox.addFolder(new MailFolder(ids.guid(), displayName(name), mailbox.rootId(), name, 1));
    }
    List<String> folderIds = new ArrayList<>();
    mailbox.folders().live().forEach(f -> folderIds.add(f.id()));
    String inbox = mailbox.folder("inbox").orElseThrow().id();
    for (int i = 0; i < extraFolders; i++) {
      // Every other extra folder is nested in the previous one, so hierarchies are exercised.
      String parent = i % 2 == 1 ? folderIds.get(folderIds.size() - 1) : inbox;
      MailFolder folder = new MailFolder(ids.guid(), "Project " + (i + 1), parent, null, 1);
      mailbox.addFolder(folder);
      folderIds.add(folder.id());
    }
    for (int i = 0; i < messages; i++) {
      // Most mail lands in the inbox; the rest spreads over the other folders.
      String folderId = i % 3 == 0 ? folderIds.get(ids.nextInt(folderIds.size())) : inbox;
      mailbox.putMessage(newMessage(owner, colleagues, folderId, i));
    }
    return mailbox;
  }

  /** A new message from a colleague, received {@code index} hours after the seed epoch. */
  public Message newMessage(User owner, List<User> colleagues, String folderId, int index) {
    User from = colleagues.isEmpty() ? owner : colleagues.get(ids.nextInt(colleagues.size()));
    String subject = SUBJECTS[ids.nextInt(SUBJECTS.length)];
    return new Message(
        ids.guid(),
        0,
        folderId,
        subject,
        "Hi " + owner.givenName() + ", about " + subject.toLowerCase() + "...",
        from.displayName(),
        from.userPrincipalName(),
        owner.userPrincipalName(),
        EPOCH.plusSeconds(3600L * index),
        index % 4 == 0,
        1);
  }

  private static String displayName(String wellKnownName) {
    return switch (wellKnownName) {
      case "inbox" -> "Inbox";
      case "drafts" -> "Drafts";
      case "sentitems" -> "Sent Items";
      case "deleteditems" -> "Deleted Items";
      case "archive" -> "Archive";
      default -> "Junk Email";
    };
  }
}
