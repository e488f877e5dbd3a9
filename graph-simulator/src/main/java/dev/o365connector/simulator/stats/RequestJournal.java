package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The most recent Graph requests, one entry each, for what counts cannot prove: that a client
 * waited the Retry-After it was given before it retried, which requests overlapped, in what order
 * they came. Bounded, so a long run never grows the heap: the oldest entries make room. Reach it
 * with {@link #of(SimulatorContext)}.
 */
public final class RequestJournal {

  /** How many entries are kept: minutes of a busy test, a few MB of heap. */
  static final int CAPACITY = 10_000;

  /** Always six fractional digits, so clients can rely on sub-millisecond precision. */
  private static final DateTimeFormatter MICROS =
      new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

  /**
   * One answered request.
   *
   * @param path without the query
   * @param query the raw query, null when none
   * @param status the status the response ended with
   * @param mailbox {@link RequestFacts#mailbox()}
   * @param clientRequestId the request's {@code client-request-id} header, or null
   * @param retryAfter the {@code Retry-After} header the simulator answered with, or null
   * @param traceparent the request's W3C {@code traceparent} header, or null
   */
  record Entry(
      Instant receivedAt,
      String method,
      String path,
      String query,
      int status,
      String mailbox,
      String clientId,
      String clientRequestId,
      String retryAfter,
      String traceparent) {

    JsonObject toJson() {
      return new JsonObject()
          .put("receivedAt", MICROS.format(receivedAt))
          .put("method", method)
          .put("path", path)
          .put("query", query)
          .put("status", status)
          .put("mailbox", mailbox)
          .put("clientId", clientId)
          .put("clientRequestId", clientRequestId)
          .put("retryAfter", retryAfter)
          .put("traceparent", traceparent);
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  private RequestJournal() {}

  /** The journal of the simulator {@code context} belongs to, created on first use. */
  public static RequestJournal of(SimulatorContext context) {
    return context.component(RequestJournal.class, c -> new RequestJournal());
  }

  synchronized void record(Entry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /**
   * {@code {"requests":[..]}}: the last {@code query.limit()} entries it matches, by arrival, the
   * newest last. Entries are recorded as responses end, so they are sorted here.
   */
  JsonObject find(JournalQuery query) {
    List<Entry> matching;
    synchronized (this) {
      matching = entries.stream().filter(query::matches).toList();
    }
    JsonArray requests = new JsonArray();
    matching.stream()
        .sorted(Comparator.comparing(Entry::receivedAt))
        .skip(Math.max(0, matching.size() - query.limit()))
        .forEach(entry -> requests.add(entry.toJson()));
    return new JsonObject().put("requests", requests);
  }

  synchronized void clear() {
    entries.clear();
  }
}
