package dev.o365connector.sync.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.change.ChangeEventData;
import dev.o365connector.contracts.change.ChangeOp;
import dev.o365connector.contracts.change.ObjectType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One change as published: its CloudEvents attributes and its data (docs/events.md). {@code ce_id}
 * is derived from the installation, resource, object, operation and the object's version, so a
 * replayed page yields the same ids and consumers can dedupe.
 */
public record ChangeEvent(String id, String type, ChangeEventData data) {

  /** {@code ce_type} of resync markers, e.g. {@code dev.o365connector.mail.resync.started}. */
  public static String type(Resource resource, String what) {
    return "dev.o365connector." + resource.value() + "." + what;
  }

  /** An UPSERT of {@code object} (the Graph object as received). */
  public static ChangeEvent upsert(
      ChangeScope scope,
      ObjectType objectType,
      String objectId,
      String containerId,
      JsonNode object) {
    return of(
        scope, ChangeOp.UPSERT, objectType, objectId, containerId, null, object, version(object));
  }

  /** A DELETE of {@code objectId} ({@code reason}: Graph's {@code @removed.reason}, if any). */
  public static ChangeEvent delete(
      ChangeScope scope,
      ObjectType objectType,
      String objectId,
      String containerId,
      String reason) {
    return of(scope, ChangeOp.DELETE, objectType, objectId, containerId, reason, null, "deleted");
  }

  /**
   * A {@code resync.started} or {@code resync.completed} marker: the {@code objectType} objects of
   * the scope's owner (in {@code containerId}, when given) are being read again from scratch.
   */
  public static ChangeEvent resyncMarker(
      ChangeScope scope, ObjectType objectType, String containerId, boolean started) {
    String what = started ? "resync.started" : "resync.completed";
    Resource resource = objectType.resource();
    ChangeEventData data =
        new ChangeEventData(
            scope.installationId(),
            scope.tenantId(),
            resource,
            null,
            objectType,
            null,
            scope.ownerId(),
            containerId,
            scope.syncRequestId(),
            true,
            null,
            null);
    String id =
        sha256(
            scope.installationId(),
            resource.value(),
            what,
            objectType.value(),
            scope.ownerId(),
            containerId,
            scope.syncRequestId());
    return new ChangeEvent(id, type(resource, what), data);
  }

  /** The Kafka key: {@code installationId|objectId}, or the installation alone for markers. */
  public String key() {
    return data.objectId() == null
        ? data.installationId()
        : data.installationId() + "|" + data.objectId();
  }

  private static ChangeEvent of(
      ChangeScope scope,
      ChangeOp op,
      ObjectType objectType,
      String objectId,
      String containerId,
      String reason,
      JsonNode object,
      String version) {
    Resource resource = objectType.resource();
    ChangeEventData data =
        new ChangeEventData(
            scope.installationId(),
            scope.tenantId(),
            resource,
            op,
            objectType,
            objectId,
            scope.ownerId(),
            containerId,
            scope.syncRequestId(),
            scope.resync(),
            reason,
            object);
    String id =
        sha256(
            scope.installationId(),
            resource.value(),
            objectType.value(),
            objectId,
            op.name(),
            version);
    return new ChangeEvent(
        id, type(resource, op == ChangeOp.UPSERT ? "upserted" : "deleted"), data);
  }

  /** Graph's own version of an object (changeKey, eTag), else a hash of what was received. */
  private static String version(JsonNode object) {
    for (String field : new String[] {"changeKey", "@odata.etag", "eTag", "cTag"}) {
      JsonNode value = object.get(field);
      if (value != null && value.isTextual()) {
        return value.asText();
      }
    }
    return sha256(object.toString());
  }

  static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
