package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.identity.AuthorizationCodes.Grant;
import dev.o365connector.simulator.identity.AuthorizationCodes.Redemption;
import io.vertx.core.json.JsonObject;

/** {@code grant_type=authorization_code}: redeems a code once, checking PKCE and redirect URI. */
final class AuthorizationCodeGrant implements TokenGrant {

  private final AuthorizationCodes codes;
  private final DelegatedTokens tokens;

  AuthorizationCodeGrant(AuthorizationCodes codes, DelegatedTokens tokens) {
    this.codes = codes;
    this.tokens = tokens;
  }

  @Override
  public JsonObject issue(TokenRequest request) {
    String code = request.required("code");
    String redirectUri = request.required("redirect_uri");
    Redemption redemption = codes.redeem(code, request.clientId(), request.now());
    Grant grant = redemption.grant();
    switch (redemption.status()) {
      case UNKNOWN -> throw new EntraException(GrantErrors.malformed());
      case OTHER_CLIENT -> throw new EntraException(GrantErrors.otherClient());
      case ALREADY_REDEEMED -> throw new EntraException(GrantErrors.codeRedeemed());
      case EXPIRED -> throw new EntraException(GrantErrors.codeExpired());
      case REDEEMED -> {}
    }
    if (request.atOtherTenantThan(grant.tenantId())) {
      throw new EntraException(GrantErrors.codeOfOtherTenant());
    }
    if (!grant.redirectUri().equals(redirectUri)) {
      throw new EntraException(GrantErrors.replyAddressMismatch(redirectUri, grant.redirectUri()));
    }
    String verifier = request.param("code_verifier");
    if (verifier == null) {
      throw new EntraException(GrantErrors.verifierMissing());
    }
    if (!Pkce.matches(verifier, grant.codeChallenge())) {
      throw new EntraException(GrantErrors.verifierMismatch());
    }
    return tokens.respond(grant, grant.scopes(), grant.nonce(), request.now());
  }
}
