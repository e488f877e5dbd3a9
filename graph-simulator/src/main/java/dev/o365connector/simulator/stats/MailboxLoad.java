package dev.o365connector.simulator.stats;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per mailbox: how many requests are being served now, the most that ever were at once, and how
 * many were served. The peak shows whether a client kept within Outlook's concurrency limit,
 * whether or not the simulator enforces it. Not thread-safe.
 */
final class MailboxLoad {

  private static final class Load {
    int inFlight;
    int peakInFlight;
    long requests;
  }

  private final Map<String, Load> byMailbox = new TreeMap<>();

  void arrived(String mailbox) {
    Load load = byMailbox.computeIfAbsent(mailbox, m -> new Load());
    load.inFlight++;
    load.peakInFlight = Math.max(load.peakInFlight, load.inFlight);
  }

  /** A request {@link #arrived} has had its response end. */
  void ended(String mailbox) {
    Load load = byMailbox.get(mailbox);
    load.inFlight--;
    load.requests++;
  }

  /** Forgets peaks and counts; requests still in flight stay, as the new peak, so they can end. */
  void reset() {
    byMailbox.values().removeIf(load -> load.inFlight == 0);
    byMailbox
        .values()
        .forEach(
            load -> {
              load.peakInFlight = load.inFlight;
              load.requests = 0;
            });
  }

  /** {@code {"<userId>":{"inFlight","peakInFlight","requests"}}}. */
  JsonObject toJson() {
    JsonObject json = new JsonObject();
    byMailbox.forEach(
        (mailbox, load) ->
            json.put(
                mailbox,
                new JsonObject()
                    .put("inFlight", load.inFlight)
                    .put("peakInFlight", load.peakInFlight)
                    .put("requests", load.requests)));
    return json;
  }
}
