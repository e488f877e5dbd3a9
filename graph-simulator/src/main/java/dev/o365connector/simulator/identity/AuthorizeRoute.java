package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.identity.ClientCheck.Checked;
import dev.o365connector.simulator.identity.SignInRequests.SignIn;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /{tenant}/oauth2/v2.0/authorize}: delegated sign-in with (auto) consent. */
final class AuthorizeRoute {

  private final SimulatorContext context;
  private final IdentityState state;
  private final ClientCheck clientCheck;
  private final SignInRequests signInRequests;
  private final EntraErrors errors;

  AuthorizeRoute(
      SimulatorContext context, IdentityState state, TenantResolver resolver, EntraErrors errors) {
    this.context = context;
    this.state = state;
    this.clientCheck = new ClientCheck(resolver, context.directory(), state.counters(), errors);
    this.signInRequests = new SignInRequests(resolver, context.directory());
    this.errors = errors;
  }

  void register(Router router) {
    router.get("/:tenant/oauth2/v2.0/authorize").handler(this::authorize);
  }

  private void authorize(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Optional<Checked> found = clientCheck.check(ctx, false);
    if (found.isEmpty()) {
      return;
    }
    Checked checked = found.get();
    String mode = request.getParam("response_mode", AuthorizeReply.QUERY);
    String replyMode = AuthorizeReply.supports(mode) ? mode : AuthorizeReply.QUERY;
    try {
      if (!AuthorizeReply.supports(mode)) {
        throw new EntraException(
            EntraError.of(
                "invalid_request", 70007, "The response_mode '" + mode + "' is not supported."));
      }
      SignIn signIn = signInRequests.parse(checked, request, mode);
      boolean interactive = context.config().interactiveConsent();
      if (interactive && "none".equals(request.getParam("prompt"))) {
        throw new EntraException(
            EntraError.of(
                "interaction_required",
                65001,
                "The user or administrator has not consented to use the application with ID '"
                    + checked.app().clientId()
                    + "'. Send an interactive authorization request for this user and resource."));
      }
      if (state.consentDecisions().takeUserDecline()) {
        declined(ctx, signIn).send(ctx);
      } else if (interactive) {
        showConsentPage(ctx, signIn);
      } else {
        codeReply(signIn).send(ctx);
      }
    } catch (EntraException e) {
      state.counters().failed(e.error());
      new AuthorizeReply(checked.redirectUri(), replyMode, errors.redirectParams(ctx, e.error()))
          .withState(request.getParam("state"))
          .send(ctx);
    }
  }

  private void showConsentPage(RoutingContext ctx, SignIn signIn) {
    Instant now = context.clock().instant();
    String id =
        state
            .prompts()
            .open(
                new ConsentPrompts.Prompt(
                    answer -> codeReply(signIn), answer -> declined(answer, signIn)),
                now);
    String action =
        "/" + signIn.checked().authority().segment() + ConsentPromptRoute.AUTHORIZE_PATH;
    ConsentPage.show(
        ctx,
        "Permissions requested",
        signIn.checked().app().displayName(),
        signIn.user().userPrincipalName(),
        signIn.scopes(),
        action,
        id);
  }

  private AuthorizeReply codeReply(SignIn signIn) {
    Instant now = context.clock().instant();
    Checked checked = signIn.checked();
    String code =
        state
            .codes()
            .issue(
                new AuthorizationCodes.Grant(
                    signIn.tenant().id(),
                    signIn.user().id(),
                    checked.app().clientId(),
                    checked.redirectUri(),
                    signIn.codeChallenge(),
                    signIn.scopes(),
                    signIn.nonce(),
                    now.plus(context.config().authorizationCodeLifetime())),
                now);
    state.counters().increment("authorize.code");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (signIn.state() != null) {
      params.put("state", signIn.state());
    }
    params.put("session_state", UUID.randomUUID().toString());
    return new AuthorizeReply(checked.redirectUri(), signIn.responseMode(), params);
  }

  private AuthorizeReply declined(RoutingContext ctx, SignIn signIn) {
    EntraError error = EntraError.consentDeclined();
    state.counters().increment("consent.declined");
    state.counters().failed(error);
    return new AuthorizeReply(
            signIn.checked().redirectUri(),
            signIn.responseMode(),
            errors.redirectParams(ctx, error))
        .withState(signIn.state());
  }
}
