package dev.o365connector.testcontainers;

/**
 * A client of the platform's OIDC provider (the simulator's platform tenant), as the host sees it:
 * POST {@code grant_type=client_credentials}, these values and {@code scope} to {@code tokenUrl}.
 *
 * @param clientId e.g. {@code platform-dev}, which holds every internal role
 * @param clientSecret its secret
 * @param tokenUrl the token endpoint, reachable from the host
 * @param scope the scope the connector's APIs expect
 */
public record ClientCredentials(
    String clientId, String clientSecret, String tokenUrl, String scope) {

  /** Scope of tokens for the connector's internal APIs ({@code aud} {@code o365-connector}). */
  public static final String CONNECTOR_SCOPE = "o365-connector/.default";

  @Override
  public String toString() {
    // Never print the secret, even in a test log.
    return "ClientCredentials[clientId=" + clientId + ", tokenUrl=" + tokenUrl + "]";
  }
}
