package dev.o365connector.gateway.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o365connector.gateway.error.GatewayProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphPathTest {

  private static final String ID = "0b6c2e43-3a8e-4d2b-9a53-5f1b6a3c9d10";
  private static final String BASE = "/graph/" + ID + "/v1.0";

  @Test
  void parsesInstallationPathAndQuery() {
    GraphPath path = GraphPath.parse(BASE + "/me/mailFolders/AAMk%3D/messages/delta", "$top=5");
    assertThat(path.installationId()).isEqualTo(ID);
    assertThat(path.rawPath()).isEqualTo("/me/mailFolders/AAMk%3D/messages/delta");
    assertThat(path.path()).isEqualTo("/me/mailFolders/AAMk=/messages/delta");
    assertThat(path.pathAndQuery()).isEqualTo("/me/mailFolders/AAMk%3D/messages/delta?$top=5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/me/../users",
        "/me/./messages",
        "/me/%2e%2e/users",
        "/me/%2E/messages",
        "/me%2fmessages",
        "/me%2Fmessages",
        "/me%5cmessages",
        "/me\\messages",
        "//evil.example/v1.0/users",
        "/https://evil.example/users",
        "/users/a@evil.example",
        "/users/a%40evil.example",
        "/me/messages%00",
        "/me/messages%0d%0aHost:%20evil",
        "/_sim/info",
        "/_SIM/faults",
        "/beta/users",
        "/me//messages",
        "/me/messages/\u0001",
      })
  void refusesPathTricks(String trick) {
    assertThatThrownBy(() -> GraphPath.parse(BASE + trick, null))
        .isInstanceOfSatisfying(
            GatewayProblem.class, p -> assertThat(p.slug()).isEqualTo("path-not-allowed"));
  }

  @Test
  void refusesOtherVersionsAndControlCharactersInTheQuery() {
    assertThatThrownBy(() -> GraphPath.parse("/graph/" + ID + "/beta/users", null))
        .hasMessageContaining("only Graph v1.0");
    assertThatThrownBy(() -> GraphPath.parse(BASE + "/users", "$filter=a%0d%0ab"))
        .hasMessageContaining("control characters");
    assertThat(
            GraphPath.parse(BASE + "/users", "$filter=startswith(displayName,'a%2Fb')").rawQuery())
        .contains("%2F");
  }

  @Test
  void unknownInstallationShapesAreNotFound() {
    assertThatThrownBy(() -> GraphPath.parse("/graph/not-a-uuid/v1.0/users", null))
        .isInstanceOfSatisfying(GatewayProblem.class, p -> assertThat(p.status()).isEqualTo(404));
  }

  @Test
  void batchUrlsGetTheSameChecks() {
    assertThat(GraphPath.ofBatchUrl(ID, "me/messages?$top=1").path()).isEqualTo("/me/messages");
    assertThatThrownBy(() -> GraphPath.ofBatchUrl(ID, "/me/../users"))
        .isInstanceOf(GatewayProblem.class);
    assertThatThrownBy(() -> GraphPath.ofBatchUrl(ID, "https://evil.example/v1.0/users"))
        .isInstanceOf(GatewayProblem.class);
  }
}
