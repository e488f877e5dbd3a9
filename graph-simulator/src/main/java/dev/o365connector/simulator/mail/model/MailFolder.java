package dev.o365connector.simulator.mail.model;

import dev.o365connector.simulator.delta.Versioned;

/**
 * A mail folder; {@code wellKnownName} (inbox, sentitems, ...) lets paths name it like Graph.
 *
 * @param parentFolderId the root folder's id for top-level folders
 */
public record MailFolder(
    String id, String displayName, String parentFolderId, String wellKnownName, long version)
    implements Versioned {

  public MailFolder renamed(String newName) {
    return new MailFolder(id, newName, parentFolderId, wellKnownName, version + 1);
  }

  /** The same folder with a new version, after something in its Graph form changed. */
  public MailFolder touched() {
    return new MailFolder(id, displayName, parentFolderId, wellKnownName, version + 1);
  }
}
