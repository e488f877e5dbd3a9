package dev.o365connector.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformRolesTest {

  @Test
  void rolesAreThoseTheProviderIsConfiguredWith() {
    assertThat(PlatformRoles.ALL)
        .containsExactly("installations.write", "installations.read", "tokens.issue", "graph.read");
  }
}
