package dev.o365connector.testsupport.services;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared graph-gateway and auth-service processes: {@code
 * o365.gateway.url} and {@code o365.auth-service.url}.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "o365.gateway.url", GatewayProcess.shared().url(),
        "o365.auth-service.url", AuthServiceProcess.shared().url());
  }

  @Override
  public void stop() {
    // The processes outlive each test class; the JVM's shutdown hook stops them.
  }
}
