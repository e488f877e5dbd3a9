package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What can be checked without a Docker engine: images, configuration, accessors before start. */
class O365ConnectorContainersTest {

  @Test
  void byDefaultEachServiceRunsTheProjectsImageOfThisVersion() {
    String version = System.getProperty("project.version");
    O365ConnectorContainers stack = new O365ConnectorContainers();

    assertThat(StackDefaults.version()).isEqualTo(version).doesNotContain("${");
    assertThat(stack.image(ConnectorService.AUTH_SERVICE))
        .isEqualTo("o365-connector/auth-service:" + version);
    assertThat(stack.image(ConnectorService.GRAPH_GATEWAY))
        .isEqualTo("o365-connector/graph-gateway:" + version);
    assertThat(stack.image(ConnectorService.SYNC_WORKER))
        .isEqualTo("o365-connector/sync-worker:" + version);
    assertThat(stack.image(ConnectorService.GRAPH_SIMULATOR))
        .isEqualTo("o365-connector/graph-simulator:" + version);
  }

  @Test
  void kafkaAndPostgresAreTheParentPomsImagesUnlessConfigured() {
    Map<String, String> images = new O365ConnectorContainers().images();

    assertThat(images.get("kafka"))
        .isEqualTo(configured("O365_KAFKA_IMAGE", System.getProperty("kafka.image")))
        .doesNotContain("${");
    assertThat(images.get("postgres"))
        .isEqualTo(configured("O365_POSTGRES_IMAGE", System.getProperty("postgres.image")))
        .doesNotContain("${");
    assertThat(System.getProperty("kafka.image")).startsWith("apache/kafka:");
    assertThat(System.getProperty("postgres.image")).startsWith("postgres:");
    assertThat(
            new O365ConnectorContainers()
                .withKafkaImage("registry.example/kafka:1")
                .images()
                .get("kafka"))
        .isEqualTo("registry.example/kafka:1");
  }

  /**
   * As the stack reads it: the variable when a shell set it (./containers env), else the default.
   */
  private static String configured(String variable, String otherwise) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? otherwise : value;
  }

  @Test
  void anImageCanBeReplaced() {
    O365ConnectorContainers stack =
        new O365ConnectorContainers("1.2.3")
            .withImage(ConnectorService.SYNC_WORKER, "registry.example/sync-worker:pr-7");

    assertThat(stack.image(ConnectorService.SYNC_WORKER))
        .isEqualTo("registry.example/sync-worker:pr-7");
    assertThat(stack.image(ConnectorService.AUTH_SERVICE))
        .isEqualTo("o365-connector/auth-service:1.2.3");
  }

  @Test
  void urlsAreRefusedBeforeStartWithAHint() {
    O365ConnectorContainers stack = new O365ConnectorContainers();

    assertThatThrownBy(stack::authServiceUrl).hasMessageContaining("call start() first");
    assertThatThrownBy(stack::kafkaBootstrapServers).hasMessageContaining("call start() first");
    assertThatThrownBy(stack::devClient).hasMessageContaining("call start() first");
    assertThat(stack.container(ConnectorService.AUTH_SERVICE)).isNull();
  }

  @Test
  void stoppingAStackThatNeverStartedIsHarmless() {
    O365ConnectorContainers stack = new O365ConnectorContainers();

    stack.stop();
    stack.close();
  }
}
