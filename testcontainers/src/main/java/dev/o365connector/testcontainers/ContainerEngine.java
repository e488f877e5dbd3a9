package dev.o365connector.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.testcontainers.DockerClientFactory;

/**
 * What {@link O365ConnectorContainers} asks of the container engine before and after a start, so
 * that a missing engine or image is reported with what to do instead of a pull or socket error.
 */
final class ContainerEngine {

  private final BooleanSupplier available;
  private final Predicate<String> hasImage;

  ContainerEngine(BooleanSupplier available, Predicate<String> hasImage) {
    this.available = available;
    this.hasImage = hasImage;
  }

  /** The engine Testcontainers finds ({@code DOCKER_HOST}, the Docker socket, ...). */
  static ContainerEngine found() {
    return new ContainerEngine(
        () -> {
          try {
            return DockerClientFactory.instance().isDockerAvailable();
          } catch (RuntimeException e) {
            return false;
          }
        },
        image -> {
          try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  void requireAvailable() {
    if (!available.getAsBoolean()) {
      throw new IllegalStateException(
          "O365ConnectorContainers needs a Docker engine and none answers (DOCKER_HOST="
              + Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unset")
              + "). Start one; on a machine without Docker, `./containers provision` in the"
              + " o365-connector repository sets one up (see its README).");
    }
  }

  /**
   * Which of {@code images} (by whom) the engine lacks, as a message saying how to get them; empty
   * when it has them all, or when it cannot be asked (then the start's own error says more).
   */
  Optional<String> missing(Map<String, String> images) {
    List<String> missing = new ArrayList<>();
    try {
      images.forEach(
          (who, image) -> {
            if (!hasImage.test(image)) {
              missing.add(image + " (" + who + ")");
            }
          });
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "the container engine has no image "
                + String.join(", ", missing)
                + " and could not pull it: build the connector's images (`./containers images`,"
                + " or `docker build` as the README's \"Container images\" shows), point"
                + " withImage/withKafkaImage/withPostgresImage at images your engine has, or set"
                + " O365_KAFKA_IMAGE / O365_POSTGRES_IMAGE");
  }
}
