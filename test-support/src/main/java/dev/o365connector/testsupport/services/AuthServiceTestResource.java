package dev.o365connector.testsupport.services;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared auth-service process ({@link AuthServiceProcess}) as
 * {@code o365.auth-service.url}; services map it onto their own setting in their {@code %test}
 * profile.
 */
public class AuthServiceTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("o365.auth-service.url", AuthServiceProcess.shared().url());
  }

  @Override
  public void stop() {
    // The process outlives each test class; the JVM's shutdown hook stops it.
  }
}
