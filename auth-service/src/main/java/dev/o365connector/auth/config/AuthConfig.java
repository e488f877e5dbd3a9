package dev.o365connector.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The platform's Entra ID app and how auth-service uses it. Secrets and URLs come from environment
 * variables (see application.properties); a missing or malformed value stops start-up naming it.
 */
@ConfigMapping(prefix = "o365.auth")
public interface AuthConfig {

  /** The Entra app's client id: env {@code O365_CLIENT_ID}. */
  String clientId();

  /** Its client secret: env {@code O365_CLIENT_SECRET}, from a Secret. */
  String clientSecret();

  /**
   * The secret being rotated out, still tried when Entra rejects the current one (AADSTS7000215):
   * env {@code O365_CLIENT_SECRET_PREVIOUS}.
   */
  Optional<String> clientSecretPrevious();

  /**
   * Public URL of {@code GET /connector/callback}, registered as the app's redirect URI: env {@code
   * O365_CALLBACK_URL}.
   */
  URI callbackUrl();

  /** Login base URL: env {@code O365_LOGIN_BASE_URL}; Microsoft's by default. */
  @WithDefault("https://login.microsoftonline.com")
  URI loginBaseUrl();

  /** Graph base URL: env {@code O365_GRAPH_BASE_URL}; Microsoft's by default. */
  @WithDefault("https://graph.microsoft.com/v1.0")
  URI graphBaseUrl();

  /**
   * URL prefixes a {@code returnUrl} must start with (comma-separated): env {@code
   * O365_RETURN_URL_PREFIXES}. Without any, installations cannot ask for a redirect back.
   */
  Optional<List<String>> returnUrlPrefixes();

  /** Tink keyset (JSON) encrypting tokens at rest: env {@code O365_TOKEN_KEYSET}, from a Secret. */
  String tokenKeyset();

  /** How long a consent URL's {@code state} stays valid. */
  @WithDefault("PT10M")
  Duration consentStateTtl();

  /** Access tokens are handed out until this long before they expire, then renewed. */
  @WithDefault("PT5M")
  Duration accessTokenMargin();

  /** How often installations are counted for the {@code o365_auth_installations} gauge. */
  @WithDefault("PT30S")
  Duration installationMetricsPeriod();

  /** How patiently auth-service talks to Entra's token endpoint. */
  Entra entra();

  /** Keeping idle DELEGATED refresh tokens alive. */
  ProactiveRefresh proactiveRefresh();

  /** Relaying installation events from the transactional outbox to Kafka. */
  Outbox outbox();

  /** Refreshing tokens before Entra expires them for inactivity. */
  interface ProactiveRefresh {

    /** How often the job looks for idle tokens (a Quarkus scheduler period). */
    @WithDefault("1h")
    String every();

    /** A DELEGATED token not renewed for this long is refreshed. */
    @WithDefault("P7D")
    Duration idle();
  }

  /** The relay of {@code installation_outbox} to {@code o365.installations}. */
  interface Outbox {

    /**
     * How often the relay looks for unsent events besides right after each commit (scheduler
     * period).
     */
    @WithDefault("1s")
    String every();

    /**
     * Events sent per pass, each acknowledged before the next; a full batch starts another pass.
     */
    @WithDefault("100")
    @Min(1)
    int batchSize();
  }

  /** Retries, timeouts and client cache of the Entra token client. */
  interface Entra {

    /** Retries of a transient failure (5xx, temporarily_unavailable, no answer). */
    @WithDefault("3")
    int maxRetries();

    /** First back-off; doubles with jitter up to {@link #maxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    /** Back-off ceiling. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How long one attempt may take, connecting included. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Per-tenant OIDC clients kept open; the least recently used are closed. */
    @WithDefault("500")
    int maxClients();
  }
}
