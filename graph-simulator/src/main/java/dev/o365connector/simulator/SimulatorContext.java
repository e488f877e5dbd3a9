package dev.o365connector.simulator;

import dev.o365connector.simulator.delta.DeltaPager;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.identity.Jwt;
import dev.o365connector.simulator.identity.SigningKey;
import dev.o365connector.simulator.tls.SelfSignedTls;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every route of the simulator shares. {@code baseUrl} is known only once the server listens
 * (the port may be picked by the OS), hence {@link #baseUrl()} instead of a field.
 */
public final class SimulatorContext {

  private final SimulatorConfig config;
  private final Directory directory;
  private final SigningKey signingKey;
  private final Jwt jwt;
  private final Clock clock;
  private final DeltaPager deltaPager;
  private final Map<Class<?>, Object> components = new HashMap<>();
  private volatile String baseUrl;
  private volatile SelfSignedTls tls;

  SimulatorContext(
      SimulatorConfig config,
      Directory directory,
      SigningKey signingKey,
      Clock clock,
      DeltaPager deltaPager) {
    this.config = config;
    this.directory = directory;
    this.signingKey = signingKey;
    this.jwt = new Jwt(signingKey);
    this.clock = clock;
    this.deltaPager = deltaPager;
  }

  public SimulatorConfig config() {
    return config;
  }

  public Directory directory() {
    return directory;
  }

  public SigningKey signingKey() {
    return signingKey;
  }

  public Jwt jwt() {
    return jwt;
  }

  public Clock clock() {
    return clock;
  }

  public DeltaPager deltaPager() {
    return deltaPager;
  }

  /** {@code http://host:port}, the login base URL and the root of the Graph base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code http://host:port/v1.0}. */
  public String graphBaseUrl() {
    return baseUrl + "/v1.0";
  }

  /**
   * This simulator's instance of a feature's mutable state (identity, faults, limits, stats),
   * created on first use, so several simulators in one JVM never share any.
   */
  public synchronized <T> T component(Class<T> type, Function<SimulatorContext, T> create) {
    // Not computeIfAbsent: one component's constructor may ask for another.
    Object existing = components.get(type);
    if (existing == null) {
      existing = create.apply(this);
      components.put(type, existing);
    }
    return type.cast(existing);
  }

  /** The HTTPS certificate, when the simulator serves HTTPS. */
  public Optional<SelfSignedTls> tls() {
    return Optional.ofNullable(tls);
  }

  void listeningOn(String baseUrl, SelfSignedTls tls) {
    this.baseUrl = baseUrl;
    this.tls = tls;
  }
}
