package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The fault rules of one simulator, in the order they were added; the first rule that fires on a
 * request decides what happens to it. Reach them with {@link #of(SimulatorContext)}.
 */
public final class Faults {

  private static final class Armed {
    final FaultRule rule;
    Integer remaining;
    long fired;

    Armed(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.count();
    }
  }

  private final SimulatorContext context;
  private final Random random;
  private final Map<String, Armed> rules = new LinkedHashMap<>();
  private long lastId;

  private Faults(SimulatorContext context) {
    this.context = context;
    this.random = new Random(context.config().seed());
  }

  /** The rules of the simulator {@code context} belongs to, created on first use. */
  public static Faults of(SimulatorContext context) {
    return context.component(Faults.class, Faults::new);
  }

  /**
   * Adds the rule {@code json} describes ({@code POST /_sim/faults}'s body) and returns its id.
   *
   * @throws IllegalArgumentException if the rule is malformed
   */
  public String add(JsonObject json) {
    FaultRule rule = FaultRule.parse(json);
    if (rule.tenantId() != null) {
      // Resolved now so a rule naming a domain matches the tenant id tokens carry.
      rule =
          rule.withTenantId(
              context.directory().tenant(rule.tenantId()).map(Tenant::id).orElse(rule.tenantId()));
    }
    synchronized (this) {
      String id = String.valueOf(++lastId);
      rules.put(id, new Armed(rule));
      return id;
    }
  }

  /**
   * Every rule with its {@code id}, {@code remaining} count (null: unlimited) and {@code fired}.
   */
  public synchronized JsonArray list() {
    JsonArray list = new JsonArray();
    rules.forEach(
        (id, armed) ->
            list.add(
                new JsonObject()
                    .put("id", id)
                    .mergeIn(armed.rule.toJson())
                    .put("remaining", armed.remaining)
                    .put("fired", armed.fired)));
    return list;
  }

  public synchronized boolean remove(String id) {
    return rules.remove(id) != null;
  }

  public synchronized void clear() {
    rules.clear();
  }

  /** The first rule that matches the request, has fires left and wins its dice roll. */
  synchronized Optional<FaultRule> fire(String method, String path, String tenantId) {
    for (Armed armed : rules.values()) {
      FaultRule rule = armed.rule;
      boolean matches =
          (armed.remaining == null || armed.remaining > 0)
              && (rule.method() == null || rule.method().equals(method))
              && (rule.pathRegex() == null || rule.pathRegex().matcher(path).find())
              && (rule.tenantId() == null || rule.tenantId().equalsIgnoreCase(tenantId));
      if (matches && (rule.probability() == null || random.nextDouble() < rule.probability())) {
        if (armed.remaining != null) {
          armed.remaining--;
        }
        armed.fired++;
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
