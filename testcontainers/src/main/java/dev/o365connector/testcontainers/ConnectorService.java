package dev.o365connector.testcontainers;

import dev.o365connector.recipe.Service;

/**
 * The stack's own containers: each runs the image {@code o365-connector/<alias>:<version>} and is
 * reached by the others at {@code http://<alias>:<port>}, the port its module listens on (both as
 * the project's recipe, {@link Service}, names them).
 */
public enum ConnectorService {
  /** Offline Microsoft 365 and the platform's OIDC provider; ready once its control API answers. */
  GRAPH_SIMULATOR(Service.GRAPH_SIMULATOR, "/_sim/info"),
  AUTH_SERVICE(Service.AUTH_SERVICE, "/q/health/ready"),
  GRAPH_GATEWAY(Service.GRAPH_GATEWAY, "/q/health/ready"),
  SYNC_WORKER(Service.SYNC_WORKER, "/q/health/ready");

  /** Group (repository prefix) of every image of the project. */
  public static final String IMAGE_GROUP = Service.IMAGE_GROUP;

  private final Service service;
  private final String readyPath;

  ConnectorService(Service service, String readyPath) {
    this.service = service;
    this.readyPath = readyPath;
  }

  /** Network alias, also the module's and the image's name. */
  public String alias() {
    return service.id();
  }

  /** HTTP port inside the network ({@code quarkus.http.port}, or the simulator's 8089). */
  public int port() {
    return service.port();
  }

  /** Path that answers 200 once the container is ready for work. */
  public String readyPath() {
    return readyPath;
  }

  /** Base URL for the other containers of the stack, e.g. {@code http://auth-service:8081}. */
  public String internalUrl() {
    return "http://" + alias() + ":" + port();
  }

  /** The image the project builds for this service, e.g. {@code o365-connector/sync-worker:1.0}. */
  public String defaultImage(String version) {
    return service.image(version);
  }

  /** The recipe's name for it. */
  Service service() {
    return service;
  }
}
