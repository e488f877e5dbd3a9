package dev.o365connector.devstack.stack;

/** The processes of a stack, in the order they start; they stop in reverse. */
public enum StackPart {
  KAFKA("kafka", 9092),
  POSTGRES("postgres", 5433),
  SIMULATOR("graph-simulator", 8089),
  AUTH_SERVICE("auth-service", 8081),
  GRAPH_GATEWAY("graph-gateway", 8082),
  SYNC_WORKER("sync-worker", 8083);

  private final String id;
  private final int defaultPort;

  StackPart(String id, int defaultPort) {
    this.id = id;
    this.defaultPort = defaultPort;
  }

  /** The name in pid files, logs, {@code ./devstack logs <name>} and the status table. */
  public String id() {
    return id;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** Whether it is one of our Quarkus services (ready when {@code /q/health/ready} is 200). */
  public boolean isService() {
    return this == AUTH_SERVICE || this == GRAPH_GATEWAY || this == SYNC_WORKER;
  }

  public static StackPart byId(String id) {
    for (StackPart part : values()) {
      if (part.id.equals(id)) {
        return part;
      }
    }
    throw new IllegalArgumentException(
        "no part named "
            + id
            + "; parts: kafka, postgres, graph-simulator, auth-service,"
            + " graph-gateway, sync-worker");
  }
}
