package dev.o365connector.testcontainers;

/**
 * The stack's own containers: each runs the image {@code o365-connector/<alias>:<version>} and is
 * reached by the others at {@code http://<alias>:<port>}, the port its module listens on.
 */
public enum ConnectorService {
  /** Offline Microsoft 365 and the platform's OIDC provider; ready once its control API answers. */
  GRAPH_SIMULATOR("graph-simulator", 8089, "/_sim/info"),
  AUTH_SERVICE("auth-service", 8081, "/q/health/ready"),
  GRAPH_GATEWAY("graph-gateway", 8082, "/q/health/ready"),
  SYNC_WORKER("sync-worker", 8083, "/q/health/ready");

  /** Group (repository prefix) of every image of the project. */
  public static final String IMAGE_GROUP = "o365-connector";

  private final String alias;
  private final int port;
  private final String readyPath;

  ConnectorService(String alias, int port, String readyPath) {
    this.alias = alias;
    this.port = port;
    this.readyPath = readyPath;
  }

  /** Network alias, also the module's and the image's name. */
  public String alias() {
    return alias;
  }

  /** HTTP port inside the network ({@code quarkus.http.port}, or the simulator's 8089). */
  public int port() {
    return port;
  }

  /** Path that answers 200 once the container is ready for work. */
  public String readyPath() {
    return readyPath;
  }

  /** Base URL for the other containers of the stack, e.g. {@code http://auth-service:8081}. */
  public String internalUrl() {
    return "http://" + alias + ":" + port;
  }

  /** The image the project builds for this service, e.g. {@code o365-connector/sync-worker:1.0}. */
  public String defaultImage(String version) {
    return IMAGE_GROUP + "/" + alias + ":" + version;
  }
}
