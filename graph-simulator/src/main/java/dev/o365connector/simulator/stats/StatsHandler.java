package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Counts each request once its response has ended, so the status counted is the final one, and
 * journals Graph requests the same way. A request is in flight for its mailbox from here (the first
 * handler after the body is read) until its response ends, fault latency included.
 */
final class StatsHandler implements Handler<RoutingContext> {

  private static final Pattern TOKEN_ENDPOINT = Pattern.compile("/[^/]+/oauth2/v2\\.0/token/?");

  private final SimulatorContext context;
  private final RequestStats stats;
  private final RequestJournal journal;
  private final RouteTemplates templates;

  StatsHandler(
      SimulatorContext context,
      RequestStats stats,
      RequestJournal journal,
      RouteTemplates templates) {
    this.context = context;
    this.stats = stats;
    this.journal = journal;
    this.templates = templates;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (RequestFacts.isControl(path)) {
      ctx.next();
      return;
    }
    RequestFacts facts = RequestFacts.of(ctx, context);
    Instant receivedAt = context.clock().instant();
    stats.arrived(facts.mailbox());
    ctx.addEndHandler(ended -> record(ctx, path, facts, receivedAt));
    ctx.next();
  }

  private void record(RoutingContext ctx, String path, RequestFacts facts, Instant receivedAt) {
    HttpMethod method = ctx.request().method();
    int status = ctx.response().getStatusCode();
    stats.request(templates.name(method, path), status, facts.clientId(), facts.mailbox());
    if (facts.graph()) {
      journal.record(
          new RequestJournal.Entry(
              receivedAt,
              method.name(),
              path,
              ctx.request().query(),
              status,
              facts.mailbox(),
              facts.clientId(),
              ctx.request().getHeader("client-request-id"),
              ctx.response().headers().get("Retry-After"),
              ctx.request().getHeader("traceparent")));
    }
    if (method == HttpMethod.POST && TOKEN_ENDPOINT.matcher(path).matches()) {
      MultiMap form = ctx.request().formAttributes();
      stats.tokenResponse(
          status == 200, form.get("grant_type"), facts.clientId(), facts.tenantId());
    }
  }
}
