package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.stats.RequestFacts;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Enforces {@link MailboxLimits} on Outlook routes, per app and mailbox, answering 429 {@code
 * ApplicationThrottled} as Outlook does. A request counts as in flight until its response ends.
 */
final class LimitHandler implements Handler<RoutingContext> {

  private final SimulatorContext context;
  private final MailboxLimits limits;

  LimitHandler(SimulatorContext context, MailboxLimits limits) {
    this.context = context;
    this.limits = limits;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (RequestFacts.isControl(ctx.request().path())) {
      ctx.next();
      return;
    }
    RequestFacts facts = RequestFacts.of(ctx, context);
    // Without a valid token the route answers 401 before Outlook would count anything.
    if (facts.mailbox() == null || facts.clientId().equals(RequestFacts.ANONYMOUS)) {
      ctx.next();
      return;
    }
    String key = facts.clientId() + "|" + facts.mailbox();
    Optional<MailboxLimits.Rejection> rejection = limits.admit(key, context.clock().millis());
    if (rejection.isPresent()) {
      ctx.response().putHeader("Retry-After", String.valueOf(rejection.get().retryAfterSeconds()));
      GraphErrors.write(
          ctx,
          429,
          "ApplicationThrottled",
          "Application is over its " + rejection.get().limit() + " limit.");
      return;
    }
    ctx.addEndHandler(ended -> limits.release(key));
    ctx.next();
  }
}
