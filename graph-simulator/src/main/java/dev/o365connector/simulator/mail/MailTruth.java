package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.control.resource.ResourceTruth;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.mail.model.MailFolder;
import dev.o365connector.simulator.mail.model.Message;
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
    tenant
        .liveUsersWith(tenant::mailbox)
        .forEach(
            (user, mailbox) -> {
              for (MailFolder folder : mailbox.folders().live()) {
                truth.add(
                    ResourceTruth.entry(
                        "mailFolder",
                        folder.id(),
                        user.id(),
                        folder.parentFolderId(),
                        folder.version()));
              }
              for (Message message : mailbox.allMessages()) {
                truth.add(
                    ResourceTruth.entry(
                        "message",
                        message.immutableId(),
                        user.id(),
                        message.folderId(),
                        message.version()));
              }
            });
    return truth;
  }
}
