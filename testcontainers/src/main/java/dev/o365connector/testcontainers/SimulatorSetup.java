package dev.o365connector.testcontainers;

import java.util.List;
import java.util.Map;

/**
 * What the services need from the running simulator, as its control API describes it. URLs are the
 * simulator's own (inside the network, with its {@code --host} alias).
 *
 * @param platformIssuer issuer of the platform tenant: {@code O365_PLATFORM_ISSUER}
 * @param platformTokenUrl token endpoint of the platform tenant
 * @param platformClientSecrets secret of each internal client ({@code graph-gateway}, {@code
 *     sync-worker}, {@code platform-dev}, ...) by client id
 * @param demoTenantId the seeded customer tenant ({@code contoso})
 * @param app the connector's app registration that auth-service signs in with
 */
record SimulatorSetup(
    String platformIssuer,
    String platformTokenUrl,
    Map<String, String> platformClientSecrets,
    String demoTenantId,
    AppRegistration app) {

  SimulatorSetup {
    platformClientSecrets = Map.copyOf(platformClientSecrets);
  }

  /** The secret of an internal client; a client the simulator does not know is a set-up error. */
  String platformSecret(String clientId) {
    String secret = platformClientSecrets.get(clientId);
    if (secret == null) {
      throw new IllegalStateException(
          "the simulator's platform tenant has no client "
              + clientId
              + ": "
              + platformClientSecrets.keySet());
    }
    return secret;
  }

  /** An app registration: what auth-service uses as {@code O365_CLIENT_ID} and its secret. */
  record AppRegistration(String clientId, String clientSecret, List<String> redirectUris) {

    AppRegistration {
      redirectUris = List.copyOf(redirectUris);
    }

    @Override
    public String toString() {
      return "AppRegistration[clientId=" + clientId + ", redirectUris=" + redirectUris + "]";
    }
  }
}
