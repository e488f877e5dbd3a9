package dev.o365connector.testsupport.postgres;

import dev.o365connector.stack.postgres.PostgresServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test its own database on the JVM's shared PostgreSQL server. Use with
 * {@code @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name =
 * "database", value = "auth_test"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  /** Init argument naming the database. */
  public static final String DATABASE_ARG = "database";

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get(DATABASE_ARG);
    if (database == null) {
      throw new IllegalArgumentException(
          "PostgresTestResource needs @ResourceArg(name = \"database\", value = \"...\")");
    }
  }

  @Override
  public Map<String, String> start() {
    return PostgresServers.freshDatabase(database).quarkusConfig();
  }

  @Override
  public void stop() {
    // The server outlives each test class; the JVM's shutdown hook stops it.
  }
}
