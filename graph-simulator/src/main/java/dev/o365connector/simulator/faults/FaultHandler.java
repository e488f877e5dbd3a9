package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.stats.RequestFacts;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Applies the first fault rule that fires: waits its latency on a timer (the event loop keeps
 * serving), then answers its status or lets the request through.
 */
final class FaultHandler implements Handler<RoutingContext> {

  private final SimulatorContext context;
  private final Faults faults;
  private final FaultResponses responses;

  FaultHandler(SimulatorContext context, Faults faults) {
    this.context = context;
    this.faults = faults;
    this.responses = new FaultResponses(context);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (RequestFacts.isControl(path)) {
      ctx.next();
      return;
    }
    RequestFacts facts = RequestFacts.of(ctx, context);
    Optional<FaultRule> fired = faults.fire(ctx.request().method().name(), path, facts.tenantId());
    if (fired.isEmpty()) {
      ctx.next();
      return;
    }
    FaultRule rule = fired.get();
    if (rule.latencyMs() == null || rule.latencyMs() == 0) {
      proceed(ctx, rule, facts);
    } else {
      ctx.vertx().setTimer(rule.latencyMs(), timer -> proceed(ctx, rule, facts));
    }
  }

  private void proceed(RoutingContext ctx, FaultRule rule, RequestFacts facts) {
    if (ctx.response().closed()) {
      return;
    }
    if (rule.status() == null) {
      ctx.next();
    } else {
      responses.respond(ctx, rule, facts.graph());
    }
  }
}
