package dev.o365connector.auth.microsoft;

import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;

/** The OAuth grants auth-service asks Entra for, with their {@code grant_type}. */
enum EntraGrant {
  AUTHORIZATION_CODE("authorization_code", Grant.Type.CODE),
  CLIENT_CREDENTIALS("client_credentials", Grant.Type.CLIENT),
  REFRESH_TOKEN("refresh_token", Grant.Type.REFRESH);

  private final String grantType;
  private final Grant.Type oidcType;

  EntraGrant(String grantType, Grant.Type oidcType) {
    this.grantType = grantType;
    this.oidcType = oidcType;
  }

  /** The {@code grant_type} form value, also the {@code grant} metric tag. */
  String grantType() {
    return grantType;
  }

  Grant.Type oidcType() {
    return oidcType;
  }
}
