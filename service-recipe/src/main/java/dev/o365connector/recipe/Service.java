package dev.o365connector.recipe;

import java.util.Optional;

/**
 * The connector's own processes: the three services and the graph-simulator that stands in for
 * Microsoft 365 and the platform's identity provider. Each is a module of this repository of the
 * same name, listens on {@link #port()} unless told otherwise, and runs from the image {@link
 * #image(String)}.
 */
public enum Service {
  GRAPH_SIMULATOR("graph-simulator", 8089, null, null),
  AUTH_SERVICE("auth-service", 8081, "o365_auth", null),
  GRAPH_GATEWAY("graph-gateway", 8082, null, "graph-gateway"),
  SYNC_WORKER("sync-worker", 8083, "o365_sync", "sync-worker");

  /** Group (repository prefix) of every image of the project. */
  public static final String IMAGE_GROUP = "o365-connector";

  private final String id;
  private final int port;
  private final String database;
  private final String platformClient;

  Service(String id, int port, String database, String platformClient) {
    this.id = id;
    this.port = port;
    this.database = database;
    this.platformClient = platformClient;
  }

  /** The module's, the image's and the process's name, e.g. {@code auth-service}. */
  public String id() {
    return id;
  }

  /** The port it listens on by default ({@code quarkus.http.port}; the simulator's 8089). */
  public int port() {
    return port;
  }

  /** The database it owns, as its {@code DB_NAME} default names it; none for the others. */
  public Optional<String> database() {
    return Optional.ofNullable(database);
  }

  /**
   * Its client at the platform's identity provider, as its {@code O365_PLATFORM_CLIENT_ID} default
   * names it: the services that call another service with a platform token of their own.
   */
  public Optional<String> platformClient() {
    return Optional.ofNullable(platformClient);
  }

  /** The image the project builds for it, e.g. {@code o365-connector/sync-worker:1.0}. */
  public String image(String version) {
    return IMAGE_GROUP + "/" + id + ":" + version;
  }
}
