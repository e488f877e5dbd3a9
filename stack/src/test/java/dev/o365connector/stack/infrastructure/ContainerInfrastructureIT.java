package dev.o365connector.stack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.recipe.Images;
import dev.o365connector.stack.kafka.KafkaEndpoint;
import dev.o365connector.stack.kafka.KafkaServers;
import dev.o365connector.stack.kafka.TopicClient;
import dev.o365connector.stack.postgres.PostgresDatabase;
import dev.o365connector.stack.postgres.PostgresServer;
import dev.o365connector.stack.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stack's container branch for real ({@code DEVSTACK_INFRASTRUCTURE=containers}, which the
 * container tier sets): Kafka and PostgreSQL in containers of the configured images carry what the
 * services' tests need.
 */
@Tag("containers")
class ContainerInfrastructureIT {

  @Test
  void kafkaAndPostgresRunInContainersOfTheConfiguredImages() throws SQLException {
    assertThat(Infrastructure.kind()).isEqualTo(Infrastructure.Kind.CONTAINERS);

    KafkaEndpoint kafka = KafkaServers.shared();
    assertThat(kafka.origin()).isEqualTo("testcontainers (" + Images.kafka() + ")");
    String topic = "devstack-container-" + UUID.randomUUID();
    TopicClient client = new TopicClient(kafka.bootstrapServers());
    client.send(topic, "installation-1", "hello");
    assertThat(client.awaitRecord(topic, r -> true, Duration.ofSeconds(30)))
        .hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("hello"));

    PostgresServer postgres = PostgresServers.shared();
    assertThat(postgres.origin()).isEqualTo("testcontainers (" + Images.postgres() + ")");
    PostgresDatabase database = PostgresServers.freshDatabase("devstack_containers");
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(database.name()), postgres.user(), postgres.password());
        Statement sql = c.createStatement();
        ResultSet version = sql.executeQuery("SHOW server_version_num")) {
      assertThat(version.next()).isTrue();
      assertThat(version.getInt(1) / 10000)
          .as("the project's PostgreSQL major version")
          .isEqualTo(Integer.parseInt(System.getProperty("postgres.major")));
    }
  }
}
