package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What can be checked without a Docker engine: images, configuration, accessors before start. */
class O365ConnectorContainersTest {

  @Test
  void byDefaultEachServiceRunsTheProjectsImageOfThisVersion() {
    String version = System.getProperty("project.version");
    O365ConnectorContainers stack = new O365ConnectorContainers();

    assertThat(StackVersion.current()).isEqualTo(version).doesNotContain("${");
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
