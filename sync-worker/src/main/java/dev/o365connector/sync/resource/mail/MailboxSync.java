package dev.o365connector.sync.resource.mail;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeEventPublisher;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore;
import dev.o365connector.sync.cursor.CursorStore.Cursor;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import dev.o365connector.sync.delta.DeltaRound;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.delta.ItemChanges;
import dev.o365connector.sync.delta.PageHandler;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.delta.SyncUnit;
import dev.o365connector.sync.graph.GatewayClient;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.owner.Owner;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One mailbox: first the folder tree ({@code mailFolders/delta}), whose folders are events too and
 * each of which gets a cursor of its own; then every known folder's {@code messages/delta}. A
 * folder that disappears is a DELETE, and its cursor is dropped. Immutable ids throughout, so a
 * message keeps its id across moves.
 */
@ApplicationScoped
public class MailboxSync {

  private static final Logger LOG = Logger.getLogger(MailboxSync.class);
  private static final String MAIL = Resource.MAIL.value();

  private final DeltaRound rounds;
  private final CursorStore cursors;
  private final GatewayClient gateway;
  private final ChangeEventPublisher publisher;

  MailboxSync(
      DeltaRound rounds,
      CursorStore cursors,
      GatewayClient gateway,
      ChangeEventPublisher publisher) {
    this.rounds = rounds;
    this.cursors = cursors;
    this.gateway = gateway;
    this.publisher = publisher;
  }

  /** The unit syncing {@code owner}'s mailbox; {@code changes} is the run's context. */
  public SyncUnit unit(Owner owner, ChangeScope changes) {
    ChangeScope mailbox = changes.forOwner(owner.id());
    return (full, counts) ->
        rounds
            .run(folderTree(owner, mailbox), full)
            .invoke(counts::add)
            .flatMap(
                tree ->
                    tree.skipped()
                        ? Uni.createFrom().voidItem()
                        : cursors
                            .containers(mailbox.installationId(), MAIL, owner.id())
                            .flatMap(folders -> messages(owner, mailbox, folders, full, counts)));
  }

  private DeltaScope folderTree(Owner owner, ChangeScope mailbox) {
    return new DeltaScope(
        ObjectType.MAIL_FOLDER,
        new CursorScope(mailbox.installationId(), MAIL, owner.id(), ""),
        mailbox,
        owner.base() + "/mailFolders/delta",
        true,
        PageHandler.perItem(
                // A folder's container is its parent; consumers cascade a folder's DELETE to it.
                (scope, folder) ->
                    ItemChanges.of(
                        scope,
                        ObjectType.MAIL_FOLDER,
                        folder.path("parentFolderId").asText(null),
                        folder))
            .whenPublished(events -> trackFolders(owner, mailbox, events)));
  }

  /**
   * A new folder gets a cursor at its start (so the next step reads it); a removed one loses it.
   */
  private Uni<Void> trackFolders(Owner owner, ChangeScope mailbox, List<ChangeEvent> events) {
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(
            event -> {
              String folder = event.data().objectId();
              CursorScope scope = folderCursor(mailbox, owner, folder);
              if (event.data().op() == ChangeOp.DELETE) {
                return cursors.delete(scope);
              }
              String start = messagesStart(owner, folder);
              return cursors.ensure(
                  scope, new Cursor(start, false, mailbox.syncRequestId(), start));
            })
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> messages(
      Owner owner, ChangeScope mailbox, List<String> folders, boolean full, RoundCounts counts) {
    return Multi.createFrom()
        .iterable(folders)
        .onItem()
        .transformToUniAndConcatenate(
            folder ->
                rounds
                    .run(
                        new DeltaScope(
                            ObjectType.MESSAGE,
                            folderCursor(mailbox, owner, folder),
                            mailbox,
                            messagesStart(owner, folder),
                            true,
                            new MessagePages(gateway, owner.base(), folder, counts)),
                        full)
                    .invoke(counts::add)
                    .onFailure(GraphFailure::itemNotFound)
                    .recoverWithUni(gone -> folderGone(owner, mailbox, folder, counts)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  /**
   * The folder was removed after the tree was read (or while no run watched): its DELETE now, so
   * consumers need not wait for the next tree round, and its cursor dropped.
   */
  private Uni<RoundCounts> folderGone(
      Owner owner, ChangeScope mailbox, String folder, RoundCounts counts) {
    LOG.debugf("Mail folder %s of %s is gone", folder, owner.id());
    counts.requests(1);
    List<ChangeEvent> deleted =
        List.of(ChangeEvent.delete(mailbox, ObjectType.MAIL_FOLDER, folder, null, "deleted"));
    return publisher
        .publish(deleted)
        .invoke(() -> counts.changes(deleted))
        .flatMap(x -> cursors.delete(folderCursor(mailbox, owner, folder)))
        .replaceWith(counts);
  }

  private static CursorScope folderCursor(ChangeScope mailbox, Owner owner, String folder) {
    return new CursorScope(mailbox.installationId(), MAIL, owner.id(), folder);
  }

  private static String messagesStart(Owner owner, String folder) {
    return owner.base() + "/mailFolders/" + folder + "/messages/delta";
  }
}
