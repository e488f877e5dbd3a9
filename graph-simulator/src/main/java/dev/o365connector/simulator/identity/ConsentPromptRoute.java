package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The consent pages' Accept and Cancel: a form POST naming the one-time prompt id. */
final class ConsentPromptRoute {

  static final String AUTHORIZE_PATH = "/oauth2/v2.0/authorize/consent";
  static final String ADMIN_CONSENT_PATH = "/adminconsent/consent";

  private final SimulatorContext context;
  private final ConsentPrompts prompts;
  private final EntraErrors errors;

  ConsentPromptRoute(SimulatorContext context, ConsentPrompts prompts, EntraErrors errors) {
    this.context = context;
    this.prompts = prompts;
    this.errors = errors;
  }

  void register(Router router) {
    router.post("/:tenant" + AUTHORIZE_PATH).handler(this::answer);
    router.post("/:tenant" + ADMIN_CONSENT_PATH).handler(this::answer);
  }

  private void answer(RoutingContext ctx) {
    String id = ctx.request().getFormAttribute("request");
    String action = ctx.request().getFormAttribute("action");
    boolean known = "accept".equals(action) || "cancel".equals(action);
    Optional<ConsentPrompts.Prompt> prompt =
        known ? prompts.take(id, context.clock().instant()) : Optional.empty();
    if (prompt.isEmpty()) {
      errors.page(
          ctx,
          EntraError.of(
              "invalid_request",
              90120,
              "The request was already authorized or declined, or has expired."));
      return;
    }
    AuthorizeReply reply =
        "accept".equals(action)
            ? prompt.get().accept().apply(ctx)
            : prompt.get().decline().apply(ctx);
    reply.send(ctx);
  }
}
