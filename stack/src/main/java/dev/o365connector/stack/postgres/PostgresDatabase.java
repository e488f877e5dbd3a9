package dev.o365connector.stack.postgres;

import dev.o365connector.recipe.Database;
import dev.o365connector.recipe.ServiceRecipe;
import java.util.Map;

/** One database on a {@link PostgresServer}, as Quarkus configuration. */
public record PostgresDatabase(PostgresServer server, String name) {

  /** As the recipe takes it: the server's address, this database, the server's role. */
  public Database recipeDatabase() {
    return new Database(server.host(), server.port(), name, server.user(), server.password());
  }

  /**
   * The environment variables our services read for their database ({@code DB_HOST}, {@code
   * DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}), as the recipe gives them, for
   * starting one as a process.
   */
  public Map<String, String> serviceEnvironment() {
    return ServiceRecipe.database(recipeDatabase());
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
