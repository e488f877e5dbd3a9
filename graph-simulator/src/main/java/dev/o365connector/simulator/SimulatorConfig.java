package dev.o365connector.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a {@link GraphSimulator} runs. Start from {@link #defaults()} and change what a test needs
 * with the {@code with...} methods.
 *
 * @param port TCP port; 0 picks a free one (tests), 8089 is the standalone default
 * @param host host name the simulator puts into the URLs it hands out (links, issuer)
 * @param seed makes generated ids and data repeatable: same seed, same tenants
 * @param demoTenant whether to create the demo tenant, its app registration and the platform tenant
 * @param accessTokenLifetime {@code expires_in} of issued access tokens
 * @param authorizationCodeLifetime how long an authorization code can be redeemed
 * @param refreshTokenInactivity a refresh token unused for this long fails with AADSTS700082
 * @param deltaTokenLifetime a delta token older than this answers 410 {@code syncStateNotFound}
 * @param interactiveConsent authorize shows an HTML consent page instead of consenting at once
 * @param https serve HTTPS with a self-signed certificate made at start (MSAL insists on https)
 * @param tlsDirectory where the certificate and truststore are exported; null: a temp directory
 */
public record SimulatorConfig(
    int port,
    String host,
    long seed,
    boolean demoTenant,
    Duration accessTokenLifetime,
    Duration authorizationCodeLifetime,
    Duration refreshTokenInactivity,
    Duration deltaTokenLifetime,
    boolean interactiveConsent,
    boolean https,
    Path tlsDirectory) {

  /** Port of the standalone simulator ({@code java -jar}). */
  public static final int STANDALONE_PORT = 8089;

  /** A free port, seed 42, the demo tenant, Entra-like lifetimes, automatic consent, HTTP. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        0,
        "localhost",
        42,
        true,
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        Duration.ofDays(90),
        Duration.ofDays(7),
        false,
        false,
        null);
  }

  public SimulatorConfig withPort(int port) {
    return with(b -> b.port = port);
  }

  /**
   * The host name put into the URLs the simulator hands out (issuer, discovery, links): the name
   * its clients reach it by, e.g. a container's service name instead of {@code localhost}.
   */
  public SimulatorConfig withHost(String host) {
    return with(b -> b.host = host);
  }

  public SimulatorConfig withSeed(long seed) {
    return with(b -> b.seed = seed);
  }

  public SimulatorConfig withoutDemoTenant() {
    return with(b -> b.demoTenant = false);
  }

  public SimulatorConfig withAccessTokenLifetime(Duration lifetime) {
    return with(b -> b.accessTokenLifetime = lifetime);
  }

  public SimulatorConfig withAuthorizationCodeLifetime(Duration lifetime) {
    return with(b -> b.authorizationCodeLifetime = lifetime);
  }

  public SimulatorConfig withRefreshTokenInactivity(Duration inactivity) {
    return with(b -> b.refreshTokenInactivity = inactivity);
  }

  public SimulatorConfig withDeltaTokenLifetime(Duration lifetime) {
    return with(b -> b.deltaTokenLifetime = lifetime);
  }

  public SimulatorConfig withInteractiveConsent(boolean interactive) {
    return with(b -> b.interactiveConsent = interactive);
  }

  /** HTTPS with a fresh self-signed certificate, exported to {@code directory} (null: temp). */
  public SimulatorConfig withHttps(Path directory) {
    return with(
        b -> {
          b.https = true;
          b.tlsDirectory = directory;
        });
  }

  private SimulatorConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so each {@code with...} names only what it changes. */
  private static final class Copy {
    int port;
    String host;
    long seed;
    boolean demoTenant;
    Duration accessTokenLifetime;
    Duration authorizationCodeLifetime;
    Duration refreshTokenInactivity;
    Duration deltaTokenLifetime;
    boolean interactiveConsent;
    boolean https;
    Path tlsDirectory;

    Copy(SimulatorConfig c) {
      port = c.port;
      host = c.host;
      seed = c.seed;
      demoTenant = c.demoTenant;
      accessTokenLifetime = c.accessTokenLifetime;
      authorizationCodeLifetime = c.authorizationCodeLifetime;
      refreshTokenInactivity = c.refreshTokenInactivity;
      deltaTokenLifetime = c.deltaTokenLifetime;
      interactiveConsent = c.interactiveConsent;
      https = c.https;
      tlsDirectory = c.tlsDirectory;
    }

    SimulatorConfig build() {
      return new SimulatorConfig(
          port,
          host,
          seed,
          demoTenant,
          accessTokenLifetime,
          authorizationCodeLifetime,
          refreshTokenInactivity,
          deltaTokenLifetime,
          interactiveConsent,
          https,
          tlsDirectory);
    }
  }
}
