package dev.o365connector.devstack.postgres;

import java.util.Map;

/** One database on a {@link PostgresServer}, as Quarkus configuration. */
public record PostgresDatabase(PostgresServer server, String name) {

  /**
   * The environment variables our services read for their database ({@code DB_HOST}, {@code
   * DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}), for starting one as a
   * process.
   */
  public Map<String, String> serviceEnvironment() {
    String password = server.password();
    return Map.of(
        "DB_HOST", server.host(),
        "DB_PORT", Integer.toString(server.port()),
        "DB_NAME", name,
        "DB_USER", server.user(),
        // Test servers trust local connections; production requires a password.
        "DB_PASSWORD", password == null || password.isEmpty() ? "unused" : password);
  }

  /** The datasource settings of a Quarkus service: Flyway over JDBC, the rest reactive. */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.datasource.jdbc.url", server.jdbcUrl(name),
        "quarkus.datasource.reactive.url", server.reactiveUrl(name),
        "quarkus.datasource.username", server.user(),
        "quarkus.datasource.password", server.password());
  }
}
