package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.identity.ClientCheck.Checked;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code GET /{tenant}/v2.0/adminconsent} and legacy {@code /{tenant}/adminconsent}. */
final class AdminConsentRoute {

  private final SimulatorContext context;
  private final IdentityState state;
  private final TenantResolver resolver;
  private final ClientCheck clientCheck;
  private final EntraErrors errors;

  AdminConsentRoute(
      SimulatorContext context, IdentityState state, TenantResolver resolver, EntraErrors errors) {
    this.context = context;
    this.state = state;
    this.resolver = resolver;
    this.clientCheck = new ClientCheck(resolver, context.directory(), state.counters(), errors);
    this.errors = errors;
  }

  void register(Router router) {
    router.get("/:tenant/v2.0/adminconsent").handler(ctx -> adminConsent(ctx, true));
    router.get("/:tenant/adminconsent").handler(ctx -> adminConsent(ctx, false));
  }

  private void adminConsent(RoutingContext ctx, boolean v2) {
    HttpServerRequest request = ctx.request();
    Optional<Checked> found = clientCheck.check(ctx, true);
    if (found.isEmpty()) {
      return;
    }
    Checked checked = found.get();
    String loginHint = request.getParam("login_hint");
    Tenant tenant =
        resolver
            .signInTenant(checked.authority(), loginHint, request.getParam("domain_hint"))
            .orElse(null);
    String requestState = request.getParam("state");
    if (tenant == null) {
      fail(
          ctx,
          checked,
          null,
          requestState,
          SignInRequests.userNotFound(loginHint, "organizations"));
      return;
    }
    String scope = request.getParam("scope");
    if (v2 && (scope == null || !Scopes.isGraphDefault(scope.trim()))) {
      fail(
          ctx,
          checked,
          tenant,
          requestState,
          EntraError.of(
              "invalid_request",
              70011,
              "The provided value for the input parameter 'scope' is not valid. Admin consent"
                  + " requires '"
                  + Scopes.GRAPH_DEFAULT
                  + "'."));
      return;
    }
    Answer answer = new Answer(checked, tenant, requestState, v2);
    if (state.consentDecisions().takeAdminDecline()) {
      answer.decline(ctx).send(ctx);
    } else if (context.config().interactiveConsent()) {
      String id =
          state
              .prompts()
              .open(
                  new ConsentPrompts.Prompt(answer::accept, answer::decline),
                  context.clock().instant());
      String path = "/" + checked.authority().segment() + ConsentPromptRoute.ADMIN_CONSENT_PATH;
      AppRegistration app = checked.app();
      ConsentPage.show(
          ctx,
          "Permissions requested - Accept for your organization",
          app.displayName(),
          "Administrator of " + tenant.domain(),
          app.applicationPermissions().stream().sorted().toList(),
          path,
          id);
    } else {
      answer.accept(ctx).send(ctx);
    }
  }

  /** What the admin's decision sends back to the app. */
  private final class Answer {
    private final Checked checked;
    private final Tenant tenant;
    private final String requestState;
    private final boolean v2;

    Answer(Checked checked, Tenant tenant, String requestState, boolean v2) {
      this.checked = checked;
      this.tenant = tenant;
      this.requestState = requestState;
      this.v2 = v2;
    }

    AuthorizeReply accept(RoutingContext ctx) {
      AppRegistration app = checked.app();
      Directory directory = context.directory();
      directory.locked(() -> tenant.grantAdminConsent(app));
      state.counters().increment("adminconsent.granted");
      Map<String, String> params = new LinkedHashMap<>();
      params.put("admin_consent", "True");
      params.put("tenant", tenant.id());
      if (requestState != null) {
        params.put("state", requestState);
      }
      if (v2) {
        params.put(
            "scope",
            app.applicationPermissions().stream()
                .sorted()
                .map(p -> Scopes.GRAPH_RESOURCE + "/" + p)
                .collect(Collectors.joining(" ")));
      }
      return new AuthorizeReply(checked.redirectUri(), AuthorizeReply.QUERY, params);
    }

    AuthorizeReply decline(RoutingContext ctx) {
      state.counters().increment("consent.declined");
      return failure(ctx, checked, tenant, requestState, EntraError.consentDeclined());
    }
  }

  private void fail(
      RoutingContext ctx, Checked checked, Tenant tenant, String requestState, EntraError error) {
    failure(ctx, checked, tenant, requestState, error).send(ctx);
  }

  // Entra's admin-consent errors carry the success parameters too (admin_consent, tenant).
  private AuthorizeReply failure(
      RoutingContext ctx, Checked checked, Tenant tenant, String requestState, EntraError error) {
    state.counters().failed(error);
    Map<String, String> params = errors.redirectParams(ctx, error);
    params.put("admin_consent", "True");
    if (tenant != null) {
      params.put("tenant", tenant.id());
    }
    return new AuthorizeReply(checked.redirectUri(), AuthorizeReply.QUERY, params)
        .withState(requestState);
  }
}
