package dev.o365connector.devstack.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Testcontainers container. Only reached when a Docker engine answers, which is
 * never the case on the project's CI machines; kept small so that branch stays obviously right.
 */
final class ContainerPostgres {

  static final String IMAGE = "postgres:17-alpine";

  private ContainerPostgres() {}

  @SuppressWarnings("resource") // stopped by Ryuk when the JVM exits
  static PostgresServer start() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    container.start();
    return new PostgresServer(
        container.getHost(),
        container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        container.getUsername(),
        container.getPassword(),
        "testcontainers (" + IMAGE + ")");
  }
}
