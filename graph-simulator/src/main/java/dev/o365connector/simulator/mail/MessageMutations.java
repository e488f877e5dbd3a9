package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.MutationSpec.Move;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.mail.model.MailFolder;
import dev.o365connector.simulator.mail.model.Mailbox;
import dev.o365connector.simulator.mail.model.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages arriving, being read or renamed, deleted, and moved between folders. */
public final class MessageMutations implements ResourceMutations {

  @Override
  public String key() {
    return "messages";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    Map<String, Mailbox> owners = owners(tenant);
    JsonArray updated =
        MutationSpec.each(
            spec.getValue("update"),
            new ArrayList<>(owners.keySet()),
            ids,
            id -> {
              Mailbox mailbox = owners.get(id);
              Message message = mailbox.message(id).orElseThrow();
              mailbox.putMessage(message.edited("Re: " + message.subject(), !message.isRead()));
            });
    JsonArray moved = new JsonArray();
    List<Move> moves =
        MutationSpec.moves(
            spec.getValue("move"),
            owners,
            ids,
            "message",
            (id, to) -> to,
            id -> Optional.of(randomFolder(id, owners.get(id), ids)));
    for (Move move : moves) {
      Mailbox mailbox = owners.get(move.id());
      String target =
          mailbox
              .folder(move.to())
              .orElseThrow(() -> new IllegalArgumentException("no such folder: " + move.to()))
              .id();
      Message message = mailbox.message(move.id()).orElseThrow();
      if (!target.equals(message.folderId())) {
        mailbox.putMessage(message.movedTo(target));
        moved.add(move.id());
      }
    }
    JsonArray deleted =
        MutationSpec.each(
            spec.getValue("delete"),
            new ArrayList<>(owners(tenant).keySet()),
            ids,
            id -> owners.get(id).deleteMessage(id));
    Map<User, Mailbox> mailboxes = tenant.liveUsersWith(tenant::mailbox);
    List<User> withMailbox = List.copyOf(mailboxes.keySet());
    MailSeeder seeder = new MailSeeder(ids);
    JsonArray created =
        MutationSpec.create(
            spec.getValue("create"),
            withMailbox,
            ids,
            owner -> {
              Mailbox mailbox = mailboxes.get(owner);
              Message message =
                  seeder.newMessage(
                      owner,
                      withMailbox,
                      mailbox.folder("inbox").orElseThrow().id(),
                      1000 + ids.nextInt(100_000));
              mailbox.putMessage(message);
              return message.immutableId();
            });
    return new JsonObject()
        .put("created", created)
        .put("updated", updated)
        .put("deleted", deleted)
        .put("moved", moved);
  }

  /**
   * A random folder of the mailbox other than the message's; {@code move} as a count or ids sends
   * messages there ({@code to} names the folder of an explicit move, checked when it is made).
   */
  private static String randomFolder(String id, Mailbox mailbox, Ids ids) {
    String current = mailbox.message(id).orElseThrow().folderId();
    List<MailFolder> others =
        mailbox.folders().live().stream().filter(f -> !f.id().equals(current)).toList();
    return others.get(ids.nextInt(others.size())).id();
  }

  /** Every live message's immutable id, with its mailbox. */
  private static Map<String, Mailbox> owners(Tenant tenant) {
    Map<String, Mailbox> owners = new HashMap<>();
    for (Mailbox mailbox : tenant.liveUsersWith(tenant::mailbox).values()) {
      mailbox.allMessages().forEach(m -> owners.put(m.immutableId(), mailbox));
    }
    return owners;
  }
}
