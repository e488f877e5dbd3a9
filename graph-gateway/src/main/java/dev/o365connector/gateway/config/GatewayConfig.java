package dev.o365connector.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway reaches Graph and auth-service and how hard it tries. URLs come from environment
 * variables (see application.properties); a missing or malformed value stops start-up naming it.
 */
@ConfigMapping(prefix = "o365.gateway")
public interface GatewayConfig {

  /** Graph base URL, the only host ever contacted: env {@code O365_GRAPH_BASE_URL}. */
  @WithDefault("https://graph.microsoft.com/v1.0")
  URI graphBaseUrl();

  /**
   * The gateway's own base URL as callers see it, used in rewritten links: env {@code
   * O365_GATEWAY_PUBLIC_URL}; without it, the scheme and host of each request.
   */
  Optional<URI> publicUrl();

  /** Upstream (Graph) connection and response behaviour. */
  Upstream upstream();

  /** Retries of throttled or unavailable Graph responses. */
  Retry retry();

  /** Outlook's per-mailbox concurrency limit, applied before Graph enforces it. */
  Mailbox mailbox();

  /** Settings of the connection pool to Graph. */
  interface Upstream {

    /** How long a TCP (and TLS) connection to Graph may take to open. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long Graph may stay silent (no header, no body bytes) before the request fails. */
    @WithDefault("PT60S")
    Duration idleTimeout();

    /** Connections kept open to Graph per gateway process. */
    @WithDefault("200")
    int maxConnections();
  }

  /** Retry budget and backoff. */
  interface Retry {

    /** The longest total wait for one caller request, across all its retries. */
    @WithDefault("PT30S")
    Duration maxTotalWait();

    /** The most attempts (first one included) for one caller request. */
    @WithDefault("6")
    int maxAttempts();

    /** First backoff when Graph gives no Retry-After; doubled each time, with jitter. */
    @WithDefault("PT0.5S")
    Duration initialBackoff();

    /** Cap of a backoff computed without Retry-After. */
    @WithDefault("PT8S")
    Duration maxBackoff();
  }

  /** Per-mailbox admission. */
  interface Mailbox {

    /**
     * Requests Outlook lets an app have in flight per mailbox before it answers 429
     * (MailboxConcurrency),
     * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits.
     */
    int OUTLOOK_MAILBOX_CONCURRENCY = 4;

    /** Requests in flight to Graph per mailbox (Outlook allows 4 per app and mailbox). */
    @WithDefault("" + OUTLOOK_MAILBOX_CONCURRENCY)
    int concurrency();

    /** Requests allowed to wait per mailbox; beyond that, 503 with Retry-After. */
    @WithDefault("200")
    int queueSize();
  }
}
