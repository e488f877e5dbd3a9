package dev.o365connector.testsupport.events;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The consumer rules of docs/events.md, applied the way a platform service would, so tests compare
 * what a consumer ends up holding with the simulator's ground truth.
 */
public final class ConsumerView {

  private ConsumerView() {}

  /**
   * The object ids a consumer holds after applying {@code records} (one installation's records of
   * one change topic, in offset order per partition) as docs/events.md says: per key the last event
   * wins (a key stays on one partition); a resync sweeps the objects of its scope that were last
   * changed before its resync.started and not read again by it; a deleted container (a mail folder,
   * a calendar group) takes what it contains with it, folder inside folder.
   */
  public static Set<String> live(List<ConsumerRecord<String, String>> records) {
    Map<String, ConsumerRecord<String, String>> last = new HashMap<>();
    Map<String, Long> resyncStarted = new HashMap<>();
    List<JsonObject> resyncsCompleted = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      if (record.value() == null) {
        continue;
      }
      JsonObject event = new JsonObject(record.value());
      if (event.containsKey("op")) {
        last.put(event.getString("objectId"), record);
      } else if (header(record, "ce_type").endsWith(".resync.started")) {
        resyncStarted.put(resyncScope(event), record.timestamp());
      } else {
        resyncsCompleted.add(event);
      }
    }
    Set<String> gone = new HashSet<>();
    Map<String, String> live = new HashMap<>();
    last.forEach(
        (id, record) -> {
          JsonObject event = new JsonObject(record.value());
          boolean swept =
              resyncsCompleted.stream()
                  .anyMatch(
                      marker ->
                          inScope(marker, event)
                              && record.timestamp() < resyncStarted.get(resyncScope(marker)));
          if ("DELETE".equals(event.getString("op")) || swept) {
            gone.add(id);
          } else {
            live.put(id, String.valueOf(event.getString("containerId")));
          }
        });
    boolean cascaded = true;
    while (cascaded) {
      List<String> inGone =
          live.entrySet().stream()
              .filter(e -> gone.contains(e.getValue()))
              .map(Map.Entry::getKey)
              .toList();
      cascaded = !inGone.isEmpty();
      inGone.forEach(
          id -> {
            live.remove(id);
            gone.add(id);
          });
    }
    return live.keySet();
  }

  private static String resyncScope(JsonObject marker) {
    return String.join(
        "|",
        marker.getString("syncRequestId"),
        String.valueOf(marker.getString("ownerId")),
        String.valueOf(marker.getString("objectType")),
        String.valueOf(marker.getString("containerId")));
  }

  /** Whether {@code event} belongs to the scope a resync marker names, and was not read by it. */
  private static boolean inScope(JsonObject marker, JsonObject event) {
    return !marker.getString("syncRequestId").equals(event.getString("syncRequestId"))
        && Objects.equals(marker.getString("ownerId"), event.getString("ownerId"))
        && marker.getString("objectType").equals(event.getString("objectType"))
        && (marker.getString("containerId") == null
            || marker.getString("containerId").equals(event.getString("containerId")));
  }

  /** A record's header as text. */
  public static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
