package dev.o365connector.simulator.directory;

import java.util.List;
import java.util.Set;

/**
 * An Entra app registration, multi-tenant: any tenant may consent to it.
 *
 * @param secrets client secrets currently valid (two during a rotation)
 * @param redirectUris exact redirect URIs; authorize and token compare byte for byte
 * @param applicationPermissions app roles on Graph that admin consent grants ({@code .default})
 */
public record AppRegistration(
    String clientId,
    String displayName,
    List<String> secrets,
    List<String> redirectUris,
    Set<String> applicationPermissions) {

  public AppRegistration {
    secrets = List.copyOf(secrets);
    redirectUris = List.copyOf(redirectUris);
    applicationPermissions = Set.copyOf(applicationPermissions);
  }

  public boolean acceptsSecret(String secret) {
    return secret != null && secrets.contains(secret);
  }
}
