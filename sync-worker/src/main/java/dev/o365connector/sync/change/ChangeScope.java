package dev.o365connector.sync.change;

/**
 * What every change of one delta scope shares.
 *
 * @param ownerId the user whose directory entry, mailbox, calendar or drive it is
 * @param resync whether the changes come from a resync round
 */
public record ChangeScope(
    String installationId, String tenantId, String ownerId, String syncRequestId, boolean resync) {

  /** The same context for the changes of one user's mailbox, calendar or drive. */
  public ChangeScope forOwner(String owner) {
    return new ChangeScope(installationId, tenantId, owner, syncRequestId, resync);
  }

  public ChangeScope resyncing() {
    return new ChangeScope(installationId, tenantId, ownerId, syncRequestId, true);
  }
}
