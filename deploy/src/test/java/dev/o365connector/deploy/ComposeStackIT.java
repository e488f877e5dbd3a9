package dev.o365connector.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.model.Container;
import dev.o365connector.stack.demo.Demo;
import dev.o365connector.stack.demo.DemoTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * docker-compose.yml for real, on the container engine {@code DOCKER_HOST} names and the images its
 * variables name ({@code ./containers test} sets both): every container that has a healthcheck
 * turns healthy, the demo (both installs, FULL sync, change events, mutations, INCREMENTAL) runs
 * through the published ports, and {@code down} leaves nothing of the project on the engine.
 */
@Tag("containers")
class ComposeStackIT {

  /** Not the file's default project, so that a stack a developer runs is never taken down. */
  private static final String PROJECT = "o365-connector-it";

  private static final List<Integer> PUBLISHED_PORTS = List.of(8081, 8082, 8083, 8089, 9094);

  private final ComposeCommand compose = new ComposeCommand(RepositoryFiles.root(), PROJECT);
  private final DockerClient engine = DockerClientFactory.instance().client();

  @Test
  void upTurnsHealthyRunsTheDemoAndDownLeavesNothing() {
    for (int port : PUBLISHED_PORTS) {
      assertThat(free(port))
          .as("port %d, which docker-compose.yml publishes, is free (stop what holds it)", port)
          .isTrue();
    }
    long started = System.nanoTime();
    try {
      compose.run(Duration.ofMinutes(10), "up", "-d");
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(unhealthy()).as("containers not healthy yet").isEmpty());
      System.out.printf(
          "[measured] docker-compose.yml up to every container healthy: %.1f s%n",
          (System.nanoTime() - started) / 1e9);

      Demo.Result demo = new Demo(DemoTarget.compose(), new PrintStream(System.out, true)).run();

      assertThat(demo.full())
          .as("the FULL sync's change events")
          .containsKeys("users UPSERT", "mail UPSERT", "calendar UPSERT", "files UPSERT");
      // The demo's mutation: a user created; messages created, updated, deleted and moved; events
      // created and one deleted; drive items created and one deleted.
      assertThat(demo.incremental())
          .as("the INCREMENTAL sync's change events")
          .hasEntrySatisfying("users UPSERT", n -> assertThat(n).isGreaterThanOrEqualTo(1))
          .hasEntrySatisfying("mail UPSERT", n -> assertThat(n).isGreaterThanOrEqualTo(10))
          .hasEntrySatisfying("mail DELETE", n -> assertThat(n).isGreaterThanOrEqualTo(2))
          .hasEntrySatisfying("calendar UPSERT", n -> assertThat(n).isGreaterThanOrEqualTo(3))
          .hasEntrySatisfying("calendar DELETE", n -> assertThat(n).isGreaterThanOrEqualTo(1))
          .hasEntrySatisfying("files UPSERT", n -> assertThat(n).isGreaterThanOrEqualTo(3))
          .hasEntrySatisfying("files DELETE", n -> assertThat(n).isGreaterThanOrEqualTo(1));
    } finally {
      compose.run(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans");
    }

    assertThat(projectContainers()).as("containers of the project after down").isEmpty();
    assertThat(engine.listNetworksCmd().exec())
        .as("networks of the project after down")
        .noneMatch(network -> network.getName().startsWith(PROJECT));
  }

  /** The project's containers that are not running, or not healthy where they have a check. */
  private List<String> unhealthy() {
    List<Container> containers = projectContainers();
    assertThat(containers).as("containers of the project").isNotEmpty();
    return containers.stream()
        .filter(c -> !"kafka-init".equals(c.getLabels().get("com.docker.compose.service")))
        .filter(
            c -> {
              var state = engine.inspectContainerCmd(c.getId()).exec().getState();
              String health =
                  Optional.ofNullable(state.getHealth()).map(HealthState::getStatus).orElse(null);
              return !Boolean.TRUE.equals(state.getRunning())
                  || (health != null && !health.equals("healthy"));
            })
        .map(c -> c.getLabels().get("com.docker.compose.service"))
        .toList();
  }

  private List<Container> projectContainers() {
    return engine
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("com.docker.compose.project", PROJECT))
        .exec();
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
