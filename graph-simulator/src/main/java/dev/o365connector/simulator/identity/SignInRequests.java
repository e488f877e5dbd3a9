package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.identity.ClientCheck.Checked;
import io.vertx.core.http.HttpServerRequest;
import java.util.Set;

/** Validates an authorize request whose redirect URI is trusted; failures are redirected. */
final class SignInRequests {

  /** A validated sign-in request, waiting only for consent. */
  record SignIn(
      Checked checked,
      String responseMode,
      String state,
      Tenant tenant,
      User user,
      Set<String> scopes,
      String codeChallenge,
      String nonce) {}

  private final TenantResolver resolver;
  private final Directory directory;

  SignInRequests(TenantResolver resolver, Directory directory) {
    this.resolver = resolver;
    this.directory = directory;
  }

  SignIn parse(Checked checked, HttpServerRequest request, String mode) {
    String responseType = request.getParam("response_type");
    if (responseType == null || responseType.isEmpty()) {
      throw new EntraException(EntraError.missingParameter("response_type"));
    }
    if (!"code".equals(responseType)) {
      throw new EntraException(
          EntraError.of(
              "unsupported_response_type",
              70005,
              "response_type '" + responseType + "' is not enabled for the application."));
    }
    Set<String> scopes = scopes(request.getParam("scope"));
    String challenge = request.getParam("code_challenge");
    if (challenge == null || challenge.isEmpty()) {
      throw new EntraException(EntraError.missingParameter("code_challenge"));
    }
    String method = request.getParam("code_challenge_method", "plain");
    if (!"S256".equals(method)) {
      throw new EntraException(
          EntraError.of(
              "invalid_request",
              50149,
              "Invalid code_challenge_method '" + method + "': only 'S256' is accepted."));
    }
    if (!Pkce.wellFormedChallenge(challenge)) {
      throw new EntraException(
          EntraError.of("invalid_request", 501491, "Invalid size of Code_Challenge parameter."));
    }
    String loginHint = request.getParam("login_hint");
    String segment = checked.authority().segment();
    Tenant tenant =
        resolver
            .signInTenant(checked.authority(), loginHint, request.getParam("domain_hint"))
            .orElseThrow(() -> new EntraException(userNotFound(loginHint, segment)));
    User user =
        directory
            .locked(() -> tenant.signInUser(loginHint))
            .orElseThrow(() -> new EntraException(userNotFound(loginHint, tenant.domain())));
    return new SignIn(
        checked,
        mode,
        request.getParam("state"),
        tenant,
        user,
        scopes,
        challenge,
        request.getParam("nonce"));
  }

  private static Set<String> scopes(String scope) {
    if (scope == null || scope.isBlank()) {
      throw new EntraException(EntraError.missingParameter("scope"));
    }
    Scopes.Parsed parsed = Scopes.parse(scope);
    if (!parsed.unknown().isEmpty()) {
      throw new EntraException(EntraError.invalidScope(parsed.unknown().get(0)));
    }
    if (!parsed.hasGraphScope() && !parsed.granted().contains("openid")) {
      throw new EntraException(EntraError.invalidScope(scope));
    }
    return parsed.granted();
  }

  static EntraError userNotFound(String loginHint, String directory) {
    return EntraError.of(
        "invalid_request",
        50034,
        "The user account "
            + (loginHint == null ? "" : loginHint)
            + " does not exist in the "
            + directory
            + " directory. To sign into this application, the account must be added to the"
            + " directory.");
  }
}
