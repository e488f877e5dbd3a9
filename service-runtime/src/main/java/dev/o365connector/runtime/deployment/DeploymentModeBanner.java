package dev.o365connector.runtime.deployment;

import dev.o365connector.runtime.deployment.DeploymentConfig.DeploymentMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says at start-up when a service runs as a development deployment, so that one started that way by
 * mistake next to customer tenants is seen in its first log lines.
 */
@ApplicationScoped
class DeploymentModeBanner {

  private static final Logger LOG = Logger.getLogger(DeploymentModeBanner.class);

  private final DeploymentConfig config;

  DeploymentModeBanner(DeploymentConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent start) {
    if (config.mode() == DeploymentMode.DEVELOPMENT) {
      LOG.warn(
          "O365_DEPLOYMENT_MODE=development: this is a development deployment that accepts"
              + " development credentials; never connect it to customer tenants");
    }
  }
}
