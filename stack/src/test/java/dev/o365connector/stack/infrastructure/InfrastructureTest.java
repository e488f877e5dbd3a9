package dev.o365connector.stack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o365connector.stack.infrastructure.Infrastructure.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The choice between embedded servers and containers is made by a setting, never by the machine.
 */
class InfrastructureTest {

  @AfterEach
  void clear() {
    System.clearProperty(Infrastructure.CHOICE);
    System.clearProperty("DOCKER_HOST");
  }

  @Test
  void anEngineOnTheMachineDoesNotMoveTheTestsOntoContainers() {
    System.setProperty("DOCKER_HOST", "unix:///run/o365-connector/podman.sock");

    assertThat(Infrastructure.kind()).isEqualTo(expectedWithoutAProperty());
  }

  @Test
  void containersAreChosenByName() {
    System.setProperty(Infrastructure.CHOICE, "containers");

    assertThat(Infrastructure.kind()).isEqualTo(Kind.CONTAINERS);
  }

  @Test
  void anUnknownChoiceIsRefusedWithTheChoices() {
    System.setProperty(Infrastructure.CHOICE, "docker");

    assertThatThrownBy(Infrastructure::kind)
        .hasMessageContaining("DEVSTACK_INFRASTRUCTURE=docker")
        .hasMessageContaining("embedded")
        .hasMessageContaining("containers");
  }

  /** The environment wins over a property: a shell that exported the choice keeps it. */
  private static Kind expectedWithoutAProperty() {
    String exported = System.getenv(Infrastructure.CHOICE);
    return exported == null || exported.isBlank() ? Kind.EMBEDDED : Infrastructure.kind();
  }
}
