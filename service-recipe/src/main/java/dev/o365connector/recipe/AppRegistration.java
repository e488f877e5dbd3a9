package dev.o365connector.recipe;

/**
 * The Entra app registration auth-service signs customers in with (the simulator's, or a real one).
 *
 * @param redirectUri its redirect URI, which is auth-service's callback URL
 */
public record AppRegistration(String clientId, String clientSecret, String redirectUri) {

  @Override
  public String toString() {
    return "AppRegistration[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
  }
}
