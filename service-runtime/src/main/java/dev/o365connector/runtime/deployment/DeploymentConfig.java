package dev.o365connector.runtime.deployment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What kind of deployment a service runs in ({@code O365_DEPLOYMENT_MODE}). */
@ConfigMapping(prefix = "o365.deployment")
public interface DeploymentConfig {

  /**
   * {@code production} (the default), or {@code development}: devstack, docker-compose and the
   * Testcontainers module declare themselves so, because they run with committed development
   * credentials (a keyset, the simulator's secrets) that a production deployment must refuse.
   */
  @WithDefault("production")
  DeploymentMode mode();

  /** The two kinds of deployment. */
  enum DeploymentMode {
    PRODUCTION,
    DEVELOPMENT
  }
}
