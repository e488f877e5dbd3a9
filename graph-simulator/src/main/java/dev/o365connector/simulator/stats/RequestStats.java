package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.identity.IdentityCounters;
import dev.o365connector.simulator.identity.IdentityState;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * What the simulator answered, for benchmarks and tests: every request but the control API's, the
 * load on each mailbox, and the token endpoint's outcomes next to the identity platform's own
 * counters. Reach it with {@link #of(SimulatorContext)}.
 */
public final class RequestStats {

  private final IdentityCounters identityCounters;
  private final Tally requests = new Tally("byRoute", "byStatus", "byClient", "byMailbox");
  private final Tally tokensIssued = new Tally("byGrantType", "byClient", "byTenant");
  private final Tally tokensFailed = new Tally("byGrantType", "byClient", "byTenant");
  private final MailboxLoad mailboxes = new MailboxLoad();

  private RequestStats(SimulatorContext context) {
    this.identityCounters = IdentityState.of(context).counters();
  }

  /** The statistics of the simulator {@code context} belongs to, created on first use. */
  public static RequestStats of(SimulatorContext context) {
    return context.component(RequestStats.class, RequestStats::new);
  }

  /** A request has arrived; {@code mailbox} (null: none) holds one more in flight. */
  synchronized void arrived(String mailbox) {
    if (mailbox != null) {
      mailboxes.arrived(mailbox);
    }
  }

  /** The response to a request that {@link #arrived} has ended. */
  synchronized void request(String route, int status, String clientId, String mailbox) {
    requests.add(route, String.valueOf(status), clientId, mailbox);
    if (mailbox != null) {
      mailboxes.ended(mailbox);
    }
  }

  synchronized void tokenResponse(
      boolean issued, String grantType, String clientId, String tenant) {
    (issued ? tokensIssued : tokensFailed).add(grantType, clientId, tenant);
  }

  /**
   * {@code requests} ({@code total}, {@code byRoute}, {@code byStatus}, {@code byClient}, {@code
   * byMailbox}), {@code mailboxes} ({@code {"<userId>":{"inFlight","peakInFlight","requests"}}})
   * and {@code tokens} ({@code counters}: the identity platform's; {@code issued} and {@code
   * failed}: each {@code total}, {@code byGrantType}, {@code byClient}, {@code byTenant}).
   */
  public synchronized JsonObject snapshot() {
    JsonObject tokens =
        new JsonObject()
            .put("counters", new JsonObject(new LinkedHashMap<>(identityCounters.snapshot())))
            .put("issued", tokensIssued.toJson())
            .put("failed", tokensFailed.toJson());
    return new JsonObject()
        .put("requests", requests.toJson())
        .put("mailboxes", mailboxes.toJson())
        .put("tokens", tokens);
  }

  /**
   * Forgets every count, the identity platform's counters included; requests in flight stay in
   * flight.
   */
  public synchronized void reset() {
    requests.reset();
    mailboxes.reset();
    tokensIssued.reset();
    tokensFailed.reset();
    identityCounters.reset();
  }
}
