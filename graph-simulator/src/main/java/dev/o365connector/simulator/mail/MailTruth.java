package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.control.ResourceTruth;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every live mail folder and message: messages by immutable id with their current folder as {@code
 * containerId}, folders with their parent folder.
 */
public final class MailTruth implements ResourceTruth {

  @Override
  public String resource() {
    return "mail";
  }

  @Override
  public JsonArray truth(Tenant tenant, JsonObject params) {
    JsonArray truth = new JsonArray();
    for (User user : tenant.users().live()) {
      tenant
          .mailbox(user.id())
          .ifPresent(
              mailbox -> {
                for (MailFolder folder : mailbox.folders().live()) {
                  truth.add(
                      entry(
                          "mailFolder",
                          folder.id(),
                          user.id(),
                          folder.parentFolderId(),
                          folder.version()));
                }
                for (Message message : mailbox.allMessages()) {
                  truth.add(
                      entry(
                          "message",
                          message.immutableId(),
                          user.id(),
                          message.folderId(),
                          message.version()));
                }
              });
    }
    return truth;
  }

  private static JsonObject entry(
      String type, String id, String owner, String container, long version) {
    return new JsonObject()
        .put("objectType", type)
        .put("id", id)
        .put("ownerId", owner)
        .put("containerId", container)
        .put("version", version);
  }
}
