package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.control.resource.MutationSpec;
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

/** Messages arriving, being read or renamed, deleted, and moved between folders. */
public final class MessageMutations implements ResourceMutations {

  @Override
  public String key() {
    return "messages";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    Map<String, Mailbox> owners = owners(tenant);
    JsonArray updated = new JsonArray();
    for (String id :
        MutationSpec.pick(spec.getValue("update"), new ArrayList<>(owners.keySet()), ids)) {
      Mailbox mailbox = owners.get(id);
      Message message = mailbox.message(id).orElseThrow();
      mailbox.putMessage(message.edited("Re: " + message.subject(), !message.isRead()));
      updated.add(id);
    }
    JsonArray moved = new JsonArray();
    for (Move move : moves(spec.getValue("move"), owners, ids)) {
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
    JsonArray deleted = new JsonArray();
    for (String id :
        MutationSpec.pick(spec.getValue("delete"), new ArrayList<>(owners(tenant).keySet()), ids)) {
      owners.get(id).deleteMessage(id);
      deleted.add(id);
    }
    JsonArray created = new JsonArray();
    List<User> withMailbox =
        tenant.users().live().stream().filter(u -> tenant.mailbox(u.id()).isPresent()).toList();
    int count = MutationSpec.count(spec.getValue("create"));
    MailSeeder seeder = new MailSeeder(ids);
    for (int i = 0; i < count && !withMailbox.isEmpty(); i++) {
      User owner = withMailbox.get(ids.nextInt(withMailbox.size()));
      Mailbox mailbox = tenant.mailbox(owner.id()).orElseThrow();
      Message message =
          seeder.newMessage(
              owner,
              withMailbox,
              mailbox.folder("inbox").orElseThrow().id(),
              1000 + ids.nextInt(100_000));
      mailbox.putMessage(message);
      created.add(message.immutableId());
    }
    return new JsonObject()
        .put("created", created)
        .put("updated", updated)
        .put("deleted", deleted)
        .put("moved", moved);
  }

  private record Move(String id, String to) {}

  /** {@code move}: a count (random messages to a random other folder), ids, or {id, to} objects. */
  private static List<Move> moves(Object value, Map<String, Mailbox> owners, Ids ids) {
    List<Move> moves = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject explicit) {
          String id = explicit.getString("id");
          if (!owners.containsKey(id)) {
            throw new IllegalArgumentException("no such message: " + id);
          }
          moves.add(new Move(id, explicit.getString("to")));
        } else {
          moves.add(randomTarget(String.valueOf(item), owners, ids));
        }
      }
      return moves;
    }
    for (String id : MutationSpec.pick(value, new ArrayList<>(owners.keySet()), ids)) {
      moves.add(randomTarget(id, owners, ids));
    }
    return moves;
  }

  private static Move randomTarget(String id, Map<String, Mailbox> owners, Ids ids) {
    Mailbox mailbox = owners.get(id);
    if (mailbox == null) {
      throw new IllegalArgumentException("no such message: " + id);
    }
    String current = mailbox.message(id).orElseThrow().folderId();
    List<MailFolder> others =
        mailbox.folders().live().stream().filter(f -> !f.id().equals(current)).toList();
    return new Move(id, others.get(ids.nextInt(others.size())).id());
  }

  /** Every live message's immutable id, with its mailbox. */
  private static Map<String, Mailbox> owners(Tenant tenant) {
    Map<String, Mailbox> owners = new HashMap<>();
    for (User user : tenant.users().live()) {
      tenant
          .mailbox(user.id())
          .ifPresent(
              mailbox -> mailbox.allMessages().forEach(m -> owners.put(m.immutableId(), mailbox)));
    }
    return owners;
  }
}
