package dev.o365connector.contracts.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.Resource;

/**
 * The {@code data} of a change CloudEvent on {@code o365.changes.<resource>}.
 *
 * <p>An object change has {@code op}, {@code objectType} and {@code objectId}. The {@code
 * resync.started} and {@code resync.completed} markers have no {@code op} and no {@code objectId}:
 * {@code resync} is true and {@code objectType}, {@code ownerId} and {@code containerId} (each when
 * present) name the scope being read again.
 *
 * @param installationId the installation the change was read for
 * @param tenantId the Entra tenant
 * @param resource the resource, matching the topic
 * @param op UPSERT or DELETE; null on resync markers
 * @param objectType the Graph entity; on resync markers, the kind of object being read again
 * @param objectId the Graph id (immutable id for mail); null on resync markers
 * @param ownerId the user whose mailbox, calendar or drive holds the object; null for users
 * @param containerId the mail folder or drive holding the object, when there is one
 * @param syncRequestId the SyncRequest that read the change
 * @param resync whether the change was read during a full resync
 * @param removedReason on DELETE: Graph's {@code changed} (restorable) or {@code deleted}
 * @param data the Graph object as received; required on UPSERT, null on DELETE and markers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeEventData(
    String installationId,
    String tenantId,
    Resource resource,
    ChangeOp op,
    ObjectType objectType,
    String objectId,
    String ownerId,
    String containerId,
    String syncRequestId,
    boolean resync,
    String removedReason,
    JsonNode data) {

  public ChangeEventData {
    // Jackson reads "data": null as a NullNode; one representation of "no data" keeps equals sane.
    data = data == null || data.isNull() || data.isMissingNode() ? null : data;
  }

  /** The same change carrying {@code other} as its Graph object. */
  public ChangeEventData withData(JsonNode other) {
    return new ChangeEventData(
        installationId,
        tenantId,
        resource,
        op,
        objectType,
        objectId,
        ownerId,
        containerId,
        syncRequestId,
        resync,
        removedReason,
        other);
  }
}
