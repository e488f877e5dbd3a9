package dev.o365connector.devstack.postgres;

import java.util.Map;

/** One database on a {@link PostgresServer}, as Quarkus configuration. */
public record PostgresDatabase(PostgresServer server, String name) {

  /** The datasource settings of a Quarkus service: Flyway over JDBC, the rest reactive. */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.datasource.jdbc.url", server.jdbcUrl(name),
        "quarkus.datasource.reactive.url", server.reactiveUrl(name),
        "quarkus.datasource.username", server.user(),
        "quarkus.datasource.password", server.password());
  }
}
