package dev.o365connector.auth.microsoft;

import dev.o365connector.auth.config.AuthConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's Entra app as the token client needs it.
 *
 * @param loginBaseUrl e.g. {@code https://login.microsoftonline.com}, no trailing slash
 * @param previousSecret the secret being rotated out, tried when Entra rejects {@code clientSecret}
 * @param redirectUri the registered redirect URI that authorization codes are bound to
 */
record EntraApp(
    String loginBaseUrl,
    String clientId,
    String clientSecret,
    Optional<String> previousSecret,
    String redirectUri) {

  EntraApp {
    Objects.requireNonNull(loginBaseUrl, "loginBaseUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
    loginBaseUrl = loginBaseUrl.replaceAll("/+$", "");
    previousSecret = previousSecret.filter(s -> !s.isBlank());
  }

  static EntraApp of(AuthConfig config) {
    return new EntraApp(
        config.loginBaseUrl().toString(),
        config.clientId(),
        config.clientSecret(),
        config.clientSecretPrevious(),
        config.callbackUrl().toString());
  }

  /** The secret of {@code slot}; the previous one must exist. */
  String secret(SecretSlot slot) {
    return slot == SecretSlot.CURRENT ? clientSecret : previousSecret.orElseThrow();
  }

  // The record's default would print the secrets.
  @Override
  public String toString() {
    return "EntraApp[loginBaseUrl="
        + loginBaseUrl
        + ", clientId="
        + clientId
        + ", previousSecret="
        + (previousSecret.isPresent() ? "set" : "none")
        + ", redirectUri="
        + redirectUri
        + "]";
  }

  /** Which of the app's secrets a request authenticates with. */
  enum SecretSlot {
    CURRENT,
    PREVIOUS
  }
}
