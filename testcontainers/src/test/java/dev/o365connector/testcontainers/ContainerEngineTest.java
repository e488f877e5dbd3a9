package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing engine or image is reported with what to do, not as a socket or pull error. */
class ContainerEngineTest {

  @Test
  void noEngineSaysWhereToGetOne() {
    ContainerEngine none = new ContainerEngine(() -> false, image -> true);

    assertThatThrownBy(none::requireAvailable)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a Docker engine and none answers (DOCKER_HOST=")
        .hasMessageContaining("./containers provision");
  }

  @Test
  void missingImagesAreNamedWithWhoNeedsThemAndHowToBuildThem() {
    ContainerEngine engine = new ContainerEngine(() -> true, image -> !image.contains("worker"));

    assertThat(
            engine.missing(
                Map.of(
                    "sync-worker", "o365-connector/sync-worker:1.0",
                    "kafka", "apache/kafka:4.1.2")))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("o365-connector/sync-worker:1.0 (sync-worker)")
                    .doesNotContain("apache/kafka")
                    .contains("./containers images")
                    .contains("withImage"));
  }

  @Test
  void nothingIsReportedWhenEveryImageIsThereOrTheEngineCannotBeAsked() {
    assertThat(new ContainerEngine(() -> true, image -> true).missing(Map.of("kafka", "k:1")))
        .isEmpty();
    assertThat(
            new ContainerEngine(
                    () -> true,
                    image -> {
                      throw new IllegalStateException("engine gone");
                    })
                .missing(Map.of("kafka", "k:1")))
        .isEmpty();
  }
}
