package dev.o365connector.auth.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntraAppTest {

  @Test
  void toStringShowsNoSecret() {
    EntraApp app =
        new EntraApp(
            "https://login.example/",
            "client-1",
            "current-secret",
            Optional.of("previous-secret"),
            "https://platform.example/connector/callback");

    assertThat(app.toString())
        .doesNotContain("current-secret", "previous-secret")
        .contains("client-1", "previousSecret=set");
    assertThat(app.loginBaseUrl()).isEqualTo("https://login.example");
  }

  @Test
  void aBlankPreviousSecretIsNone() {
    EntraApp app = new EntraApp("https://login.example", "c", "s", Optional.of(" "), "https://r");

    assertThat(app.previousSecret()).isEmpty();
    assertThat(app.toString()).contains("previousSecret=none");
  }
}
