package dev.o365connector.simulator.mail.model;

import dev.o365connector.simulator.delta.Versioned;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A message. Its {@code immutableId} never changes within the mailbox; its REST id changes with
 * every move between folders, as Outlook's do unless {@code Prefer: IdType="ImmutableId"} is sent.
 *
 * @param moves how often it moved; part of the REST id
 */
public record Message(
    String immutableId,
    int moves,
    String folderId,
    String subject,
    String bodyPreview,
    String fromName,
    String fromAddress,
    String toAddress,
    Instant receivedDateTime,
    boolean isRead,
    long version)
    implements Versioned {

  private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** Delta collections key messages by immutable id, so a message is one object across moves. */
  @Override
  public String id() {
    return immutableId;
  }

  /** The id Graph returns without the immutable-id preference. */
  public String restId() {
    return "AAMkAG"
        + ID_ENCODER.encodeToString((immutableId + "/" + moves).getBytes(StandardCharsets.UTF_8));
  }

  public String idFor(boolean immutableIds) {
    return immutableIds ? immutableId : restId();
  }

  public Message movedTo(String newFolderId) {
    return new Message(
        immutableId,
        moves + 1,
        newFolderId,
        subject,
        bodyPreview,
        fromName,
        fromAddress,
        toAddress,
        receivedDateTime,
        isRead,
        version + 1);
  }

  public Message edited(String newSubject, boolean read) {
    return new Message(
        immutableId,
        moves,
        folderId,
        newSubject,
        bodyPreview,
        fromName,
        fromAddress,
        toAddress,
        receivedDateTime,
        read,
        version + 1);
  }

  /** Graph's message resource (default properties, without the body). */
  public JsonObject toGraph(boolean immutableIds) {
    String changeKey =
        ID_ENCODER.encodeToString(
            ("ck" + immutableId + "." + version).getBytes(StandardCharsets.UTF_8));
    return new JsonObject()
        .put("@odata.etag", "W/\"" + changeKey + "\"")
        .put("id", idFor(immutableIds))
        .put("createdDateTime", receivedDateTime.toString())
        .put("lastModifiedDateTime", receivedDateTime.plusSeconds(version).toString())
        .put("changeKey", changeKey)
        .put("receivedDateTime", receivedDateTime.toString())
        .put("sentDateTime", receivedDateTime.minusSeconds(5).toString())
        .put("hasAttachments", false)
        .put("subject", subject)
        .put("bodyPreview", bodyPreview)
        .put("importance", "normal")
        .put("parentFolderId", folderId)
        .put("conversationId", "AAQk" + immutableId.hashCode())
        .put("isRead", isRead)
        .put("isDraft", false)
        .put("from", address(fromName, fromAddress))
        .put("sender", address(fromName, fromAddress))
        .put("toRecipients", new JsonArray().add(address(null, toAddress)));
  }

  private static JsonObject address(String name, String address) {
    return new JsonObject()
        .put(
            "emailAddress",
            new JsonObject().put("name", name == null ? address : name).put("address", address));
  }
}
