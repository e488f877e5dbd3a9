package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasesTest {

  @Test
  void theServicesWithADatabaseGetOneEachWithAFreshPassword() {
    Map<ConnectorService, DatabaseLogin> first = Databases.fresh(new SecureRandom());
    Map<ConnectorService, DatabaseLogin> second = Databases.fresh(new SecureRandom());

    assertThat(first).containsOnlyKeys(ConnectorService.AUTH_SERVICE, ConnectorService.SYNC_WORKER);
    assertThat(first.get(ConnectorService.AUTH_SERVICE).password())
        .matches("[0-9a-f]{48}")
        .isNotEqualTo(first.get(ConnectorService.SYNC_WORKER).password())
        .isNotEqualTo(second.get(ConnectorService.AUTH_SERVICE).password());
  }

  @Test
  void theInitScriptCreatesEachRoleAndTheDatabaseItOwns() {
    String script =
        Databases.initScript(List.of(new DatabaseLogin("o365_auth", "o365_auth", "0a1b")));

    assertThat(script)
        .isEqualTo(
            "CREATE ROLE o365_auth LOGIN PASSWORD '0a1b';\n"
                + "CREATE DATABASE o365_auth OWNER o365_auth;\n");
  }

  @Test
  void nothingThatCouldBreakOutOfTheSqlIsAccepted() {
    assertThatThrownBy(
            () ->
                Databases.initScript(
                    List.of(
                        new DatabaseLogin("o365_auth", "o365_auth", "x'; DROP ROLE postgres; --"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Databases.initScript(List.of(new DatabaseLogin("o365-auth", "o365_auth", "0a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
