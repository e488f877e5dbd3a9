package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.identity.IdentityCounters;
import dev.o365connector.simulator.identity.IdentityState;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * What the simulator answered, for benchmarks and tests: every request but the control API's, and
 * the token endpoint's outcomes next to the identity platform's own counters. Reach it with {@link
 * #of(SimulatorContext)}.
 */
public final class RequestStats {

  private final IdentityCounters identityCounters;
  private final Tally requests = new Tally("byRoute", "byStatus", "byClient", "byMailbox");
  private final Tally tokensIssued = new Tally("byGrantType", "byClient", "byTenant");
  private final Tally tokensFailed = new Tally("byGrantType", "byClient", "byTenant");

  private RequestStats(SimulatorContext context) {
    this.identityCounters = IdentityState.of(context).counters();
  }

  /** The statistics of the simulator {@code context} belongs to, created on first use. */
  public static RequestStats of(SimulatorContext context) {
    return context.component(RequestStats.class, RequestStats::new);
  }

  synchronized void request(String route, int status, String clientId, String mailbox) {
    requests.add(route, String.valueOf(status), clientId, mailbox);
  }

  synchronized void tokenResponse(
      boolean issued, String grantType, String clientId, String tenant) {
    (issued ? tokensIssued : tokensFailed).add(grantType, clientId, tenant);
  }

  /**
   * {@code {"requests":{"total","byRoute","byStatus","byClient","byMailbox"},"tokens":{"counters":
   * <IdentityCounters>,"issued":{"total","byGrantType","byClient","byTenant"},"failed":{...}}}}.
   */
  public synchronized JsonObject snapshot() {
    JsonObject tokens =
        new JsonObject()
            .put("counters", new JsonObject(new LinkedHashMap<>(identityCounters.snapshot())))
            .put("issued", tokensIssued.toJson())
            .put("failed", tokensFailed.toJson());
    return new JsonObject().put("requests", requests.toJson()).put("tokens", tokens);
  }

  /** Forgets every count, the identity platform's counters included. */
  public synchronized void reset() {
    requests.reset();
    tokensIssued.reset();
    tokensFailed.reset();
    identityCounters.reset();
  }
}
