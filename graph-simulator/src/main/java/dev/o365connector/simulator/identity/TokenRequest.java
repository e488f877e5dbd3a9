package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.identity.ClientAuthentication.Client;
import dev.o365connector.simulator.identity.TenantResolver.Authority;
import dev.o365connector.simulator.identity.TenantResolver.Kind;
import io.vertx.core.MultiMap;
import java.time.Instant;

/** A token request whose tenant is resolved and whose client is authenticated. */
record TokenRequest(Authority authority, Client client, MultiMap form, Instant now) {

  String param(String name) {
    String value = form.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  String required(String name) {
    String value = param(name);
    if (value == null) {
      throw new EntraException(EntraError.missingParameter(name));
    }
    return value;
  }

  /**
   * Whether the request went to the endpoint of a tenant other than {@code tenantId}; {@code
   * organizations} and {@code common} name no tenant, so any grant may be redeemed there.
   */
  boolean atOtherTenantThan(String tenantId) {
    return authority.kind() == Kind.TENANT && !authority.tenant().id().equals(tenantId);
  }

  String clientId() {
    return client.clientId();
  }
}
