package dev.o365connector.devstack.simulator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared graph-simulator: {@code o365.simulator.base-url} (the
 * login base URL) and {@code o365.simulator.graph-base-url}, for services to map onto their own
 * settings in their {@code %test} profile. Seeded data and secrets come from {@code GET
 * /_sim/info}.
 */
public class SimulatorTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String baseUrl = SimulatorServer.sharedBaseUrl();
    return Map.of(
        "o365.simulator.base-url", baseUrl, "o365.simulator.graph-base-url", baseUrl + "/v1.0");
  }

  @Override
  public void stop() {
    // The simulator outlives each test class; the JVM's shutdown hook stops it.
  }
}
