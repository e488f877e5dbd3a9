package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.mail.model.MailFolder;
import dev.o365connector.simulator.mail.model.Mailbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mail folders appearing (at the top of a mailbox or inside a user-made folder) and being deleted
 * with everything below them, so that syncs see folders come and go. Well-known folders are never
 * picked and cannot be named: Outlook refuses to delete them.
 */
public final class MailFolderMutations implements ResourceMutations {

  @Override
  public String key() {
    return "mailFolders";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    MutationSpec.only(spec, List.of("create", "delete"));
    Map<String, Mailbox> owners = userFolders(tenant);
    JsonArray deleted =
        MutationSpec.eachTree(
            spec.getValue("delete"),
            new ArrayList<>(owners.keySet()),
            ids,
            id -> {
              Mailbox mailbox = owners.get(id);
              Optional<MailFolder> folder = mailbox.folders().get(id);
              // A folder picked after one above it went is already gone with it.
              if (folder.isEmpty()) {
                return List.of();
              }
              List<String> gone = mailbox.deleteFolder(id);
              mailbox.touchFolder(folder.get().parentFolderId());
              return gone;
            });
    JsonArray created =
        MutationSpec.create(
            spec.getValue("create"),
            List.copyOf(tenant.liveUsersWith(tenant::mailbox).values()),
            ids,
            mailbox -> {
              String parent = parent(mailbox, ids);
              String id = ids.guid();
              mailbox.addFolder(
                  new MailFolder(id, "Folder " + id.substring(0, 8), parent, null, 1));
              mailbox.touchFolder(parent);
              return id;
            });
    return new JsonObject().put("created", created).put("deleted", deleted);
  }

  /** The root, or for about half, a user-made folder, so created hierarchies get depth too. */
  private static String parent(Mailbox mailbox, Ids ids) {
    List<MailFolder> userMade =
        mailbox.folders().live().stream().filter(f -> f.wellKnownName() == null).toList();
    if (userMade.isEmpty() || ids.nextInt(2) == 0) {
      return mailbox.rootId();
    }
    return userMade.get(ids.nextInt(userMade.size())).id();
  }

  /** Every live user-made folder of the tenant's mailboxes, with its mailbox, in a fixed order. */
  private static Map<String, Mailbox> userFolders(Tenant tenant) {
    Map<String, Mailbox> owners = new LinkedHashMap<>();
    for (Mailbox mailbox : tenant.liveUsersWith(tenant::mailbox).values()) {
      mailbox.folders().live().stream()
          .filter(f -> f.wellKnownName() == null)
          .forEach(f -> owners.put(f.id(), mailbox));
    }
    return owners;
  }
}
