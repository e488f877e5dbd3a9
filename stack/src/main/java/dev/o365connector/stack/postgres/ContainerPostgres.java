package dev.o365connector.stack.postgres;

import dev.o365connector.recipe.Images;
import dev.o365connector.stack.infrastructure.Infrastructure;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Testcontainers container ({@code DEVSTACK_INFRASTRUCTURE=containers}): the
 * upstream {@code postgres} image, or {@code O365_POSTGRES_IMAGE} (a local image that behaves the
 * same). Stopped when the JVM exits, so it also goes where Ryuk cannot run.
 */
final class ContainerPostgres {

  private ContainerPostgres() {}

  static PostgresServer start() {
    Infrastructure.requireContainerEngine();
    String image = Images.postgres();
    PostgreSQLContainer container =
        new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "devstack-postgres-stop"));
    return new PostgresServer(
        container.getHost(),
        container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        container.getUsername(),
        container.getPassword(),
        "testcontainers (" + image + ")");
  }
}
