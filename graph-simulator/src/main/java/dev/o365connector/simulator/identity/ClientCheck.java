package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.identity.TenantResolver.Authority;
import dev.o365connector.simulator.identity.TenantResolver.Kind;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Checks tenant, client and exact redirect URI; failing here shows a page, never redirects. */
final class ClientCheck {

  /** A request that may be answered by redirecting to {@code redirectUri}. */
  record Checked(Authority authority, AppRegistration app, String redirectUri) {}

  private final TenantResolver resolver;
  private final Directory directory;
  private final IdentityCounters counters;
  private final EntraErrors errors;

  ClientCheck(
      TenantResolver resolver, Directory directory, IdentityCounters counters, EntraErrors errors) {
    this.resolver = resolver;
    this.directory = directory;
    this.counters = counters;
    this.errors = errors;
  }

  /**
   * The checked request of {@code /{tenant}/...}, or, when a check fails, empty with Entra's error
   * page already shown: without a trusted redirect URI there is nowhere to send the error.
   *
   * @param adminConsent as for {@link #check(String, HttpServerRequest, boolean)}
   */
  Optional<Checked> check(RoutingContext ctx, boolean adminConsent) {
    try {
      return Optional.of(check(ctx.pathParam("tenant"), ctx.request(), adminConsent));
    } catch (EntraException e) {
      counters.failed(e.error());
      errors.page(ctx, e.error());
      return Optional.empty();
    }
  }

  /**
   * @param adminConsent admin consent refuses {@code common} and, in its legacy form, falls back to
   *     the app's first redirect URI when none is given
   */
  private Checked check(String tenantSegment, HttpServerRequest request, boolean adminConsent) {
    Authority authority = resolver.resolve(tenantSegment);
    String clientId = request.getParam("client_id");
    if (authority.kind() == Kind.UNKNOWN) {
      throw new EntraException(EntraError.tenantNotFound(authority.segment()));
    }
    if (authority.kind() == Kind.CONSUMERS) {
      throw new EntraException(EntraError.consumersNotSupported(clientId));
    }
    if (adminConsent && authority.kind() == Kind.COMMON) {
      throw new EntraException(EntraError.invalidTenantIdentifier(authority.segment()));
    }
    if (clientId == null || clientId.isEmpty()) {
      throw new EntraException(EntraError.missingParameter("client_id"));
    }
    AppRegistration app =
        directory
            .app(clientId)
            .orElseThrow(
                () -> new EntraException(EntraError.appNotFound(clientId, authority.segment())));
    String redirectUri = request.getParam("redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      if (!adminConsent || app.redirectUris().isEmpty()) {
        throw new EntraException(EntraError.noReplyAddress());
      }
      redirectUri = app.redirectUris().get(0);
    }
    if (!app.redirectUris().contains(redirectUri)) {
      throw new EntraException(EntraError.replyAddressNotRegistered(redirectUri, clientId));
    }
    return new Checked(authority, app, redirectUri);
  }
}
