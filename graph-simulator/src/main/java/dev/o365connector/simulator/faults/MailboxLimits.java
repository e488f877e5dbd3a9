package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Outlook's per-app, per-mailbox limits: requests in flight at once ({@code mailboxConcurrency})
 * and requests in a sliding window ({@code mailboxRequestBudget}). Both are off until set. Reach
 * them with {@link #of(SimulatorContext)}.
 */
public final class MailboxLimits {

  private static final Set<String> FIELDS = Set.of("mailboxConcurrency", "mailboxRequestBudget");

  /** At most {@code requests} admitted per {@code windowSeconds}. */
  private record Budget(int requests, int windowSeconds) {}

  /** Why a request was refused and when to come back. */
  record Rejection(String limit, long retryAfterSeconds) {}

  private final Map<String, Integer> inFlight = new HashMap<>();
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private Integer concurrency;
  private Budget budget;

  private MailboxLimits() {}

  /** The limits of the simulator {@code context} belongs to, created on first use. */
  public static MailboxLimits of(SimulatorContext context) {
    return context.component(MailboxLimits.class, c -> new MailboxLimits());
  }

  /**
   * Replaces the limits with {@code json} ({@code POST /_sim/limits}'s body); an absent or null
   * limit is off. Request windows start afresh.
   *
   * @throws IllegalArgumentException if {@code json} is malformed
   */
  public synchronized void configure(JsonObject json) {
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unknown field " + field + "; known: " + FIELDS);
      }
    }
    try {
      Integer newConcurrency = json.getInteger("mailboxConcurrency");
      JsonObject newBudget = json.getJsonObject("mailboxRequestBudget");
      if (newConcurrency != null && newConcurrency < 1) {
        throw new IllegalArgumentException("mailboxConcurrency must be >= 1");
      }
      Budget parsed = null;
      if (newBudget != null) {
        Integer requests = newBudget.getInteger("requests");
        Integer windowSeconds = newBudget.getInteger("windowSeconds");
        if (requests == null || requests < 1 || windowSeconds == null || windowSeconds < 1) {
          throw new IllegalArgumentException(
              "mailboxRequestBudget needs requests >= 1 and windowSeconds >= 1");
        }
        parsed = new Budget(requests, windowSeconds);
      }
      concurrency = newConcurrency;
      budget = parsed;
      windows.clear();
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a field has the wrong type: " + e.getMessage(), e);
    }
  }

  /** {@code {"mailboxConcurrency": n|null, "mailboxRequestBudget": {...}|null}}. */
  public synchronized JsonObject toJson() {
    return new JsonObject()
        .put("mailboxConcurrency", concurrency)
        .put(
            "mailboxRequestBudget",
            budget == null
                ? null
                : new JsonObject()
                    .put("requests", budget.requests())
                    .put("windowSeconds", budget.windowSeconds()));
  }

  /**
   * Admits a request for {@code key} (app and mailbox) unless a limit refuses it; an admitted
   * request holds its place in flight until {@link #release}.
   */
  synchronized Optional<Rejection> admit(String key, long nowMillis) {
    if (concurrency != null && inFlight.getOrDefault(key, 0) >= concurrency) {
      return Optional.of(new Rejection("MailboxConcurrency", 1));
    }
    if (budget != null) {
      long windowMillis = budget.windowSeconds() * 1000L;
      Deque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
      while (!window.isEmpty() && window.peekFirst() <= nowMillis - windowMillis) {
        window.pollFirst();
      }
      if (window.size() >= budget.requests()) {
        long waitMillis = window.peekFirst() + windowMillis - nowMillis;
        return Optional.of(
            new Rejection("MailboxRequestLimit", Math.max(1, (waitMillis + 999) / 1000)));
      }
      window.addLast(nowMillis);
    }
    inFlight.merge(key, 1, Integer::sum);
    return Optional.empty();
  }

  synchronized void release(String key) {
    inFlight.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
  }
}
