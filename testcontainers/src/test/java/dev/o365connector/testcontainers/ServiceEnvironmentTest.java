package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.AUTH_SERVICE;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_GATEWAY;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_SIMULATOR;
import static dev.o365connector.testcontainers.ConnectorService.SYNC_WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.testcontainers.SimulatorSetup.AppRegistration;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceEnvironmentTest {

  private static final SimulatorSetup SIMULATOR =
      new SimulatorSetup(
          "http://graph-simulator:8089/platform-tenant/v2.0",
          "http://graph-simulator:8089/platform-tenant/oauth2/v2.0/token",
          Map.of("graph-gateway", "gateway-secret", "sync-worker", "worker-secret"),
          "demo-tenant",
          new AppRegistration("app-id", "app-secret", List.of(ServiceEnvironment.CALLBACK_URL)));

  private static final Map<ConnectorService, DatabaseLogin> DATABASES =
      Databases.fresh(new SecureRandom());

  private static Map<String, String> environment(ConnectorService service) {
    return switch (service) {
      case AUTH_SERVICE ->
          ServiceEnvironment.authService(SIMULATOR, DATABASES.get(AUTH_SERVICE), "keyset");
      case GRAPH_GATEWAY -> ServiceEnvironment.graphGateway(SIMULATOR);
      case SYNC_WORKER -> ServiceEnvironment.syncWorker(SIMULATOR, DATABASES.get(SYNC_WORKER));
      case GRAPH_SIMULATOR -> throw new IllegalArgumentException("configured by arguments");
    };
  }

  @ParameterizedTest
  @EnumSource(names = {"AUTH_SERVICE", "GRAPH_GATEWAY", "SYNC_WORKER"})
  void everyVariableTheServiceRequiresIsSet(ConnectorService service) {
    Set<String> required = ModuleFiles.of(service).properties().requiredVariables();

    assertThat(required).contains("KAFKA_BOOTSTRAP_SERVERS", "O365_PLATFORM_ISSUER");
    assertThat(environment(service)).containsKeys(required.toArray(String[]::new));
    assertThat(environment(service).values()).doesNotContainNull().doesNotContain("");
  }

  @ParameterizedTest
  @EnumSource(names = {"AUTH_SERVICE", "GRAPH_GATEWAY", "SYNC_WORKER"})
  void portsAreTheOnesTheServicesListenOn(ConnectorService service) {
    assertThat(ModuleFiles.of(service).properties().property("quarkus.http.port"))
        .isEqualTo(Integer.toString(service.port()));
  }

  @Test
  void theSimulatorListensOnItsStandalonePortAndHandsOutItsAlias() {
    assertThat(GRAPH_SIMULATOR.port()).isEqualTo(SimulatorConfig.STANDALONE_PORT);
    assertThat(ServiceEnvironment.simulatorArguments())
        .containsExactly("--port=8089", "--host=graph-simulator");
  }

  @ParameterizedTest
  @EnumSource(names = {"AUTH_SERVICE", "GRAPH_GATEWAY", "SYNC_WORKER"})
  void everyAddressIsAContainerOfTheStackAtItsPort(ConnectorService service) {
    Set<String> stack =
        Arrays.stream(ConnectorService.values())
            .map(s -> s.alias() + ":" + s.port())
            .collect(Collectors.toSet());
    Map<String, String> env = environment(service);

    env.forEach(
        (name, value) -> {
          if (value.contains("://")) {
            URI uri = URI.create(value);
            assertThat(uri.getHost() + ":" + uri.getPort()).as(name).isIn(stack);
          }
          assertThat(value).as(name).doesNotContain("localhost").doesNotContain("127.0.0.1");
        });
    assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
    if (env.containsKey("DB_HOST")) {
      assertThat(env).containsEntry("DB_HOST", "postgres").containsEntry("DB_PORT", "5432");
    }
  }

  @Test
  void eachServiceCallsTheRightOne() {
    assertThat(environment(AUTH_SERVICE))
        .containsEntry("O365_LOGIN_BASE_URL", "http://graph-simulator:8089")
        .containsEntry("O365_GRAPH_BASE_URL", "http://graph-simulator:8089/v1.0")
        .containsEntry("O365_CALLBACK_URL", "http://auth-service:8081/connector/callback");
    assertThat(environment(GRAPH_GATEWAY))
        .containsEntry("O365_AUTH_URL", "http://auth-service:8081")
        .containsEntry("O365_GRAPH_BASE_URL", "http://graph-simulator:8089/v1.0");
    assertThat(environment(SYNC_WORKER))
        .containsEntry("O365_GATEWAY_URL", "http://graph-gateway:8082");
    for (ConnectorService service : List.of(AUTH_SERVICE, GRAPH_GATEWAY, SYNC_WORKER)) {
      assertThat(environment(service))
          .containsEntry("O365_PLATFORM_ISSUER", SIMULATOR.platformIssuer())
          // Simulator credentials are development ones: the stack declares itself development.
          .containsEntry("O365_DEPLOYMENT_MODE", "development");
    }
  }

  @Test
  void authServiceSignsInWithTheAppRegistrationMadeForIt() {
    assertThat(environment(AUTH_SERVICE))
        .containsEntry("O365_CLIENT_ID", "app-id")
        .containsEntry("O365_CLIENT_SECRET", "app-secret")
        .containsEntry("O365_TOKEN_KEYSET", "keyset");
    assertThat(SIMULATOR.app().redirectUris())
        .contains(environment(AUTH_SERVICE).get("O365_CALLBACK_URL"));
  }

  @Test
  void gatewayAndWorkerAreTheirOwnPlatformClients() {
    assertThat(environment(GRAPH_GATEWAY))
        .containsEntry("O365_PLATFORM_CLIENT_ID", "graph-gateway")
        .containsEntry("O365_PLATFORM_CLIENT_SECRET", "gateway-secret");
    assertThat(environment(SYNC_WORKER))
        .containsEntry("O365_PLATFORM_CLIENT_ID", "sync-worker")
        .containsEntry("O365_PLATFORM_CLIENT_SECRET", "worker-secret");
  }

  @Test
  void aPlatformClientTheSimulatorLacksStopsTheSetUp() {
    SimulatorSetup withoutWorker =
        new SimulatorSetup(
            SIMULATOR.platformIssuer(),
            SIMULATOR.platformTokenUrl(),
            Map.of("graph-gateway", "gateway-secret"),
            "demo-tenant",
            SIMULATOR.app());

    assertThatThrownBy(
            () -> ServiceEnvironment.syncWorker(withoutWorker, DATABASES.get(SYNC_WORKER)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sync-worker");
  }

  @Test
  void eachServiceHasItsOwnDatabaseAndRoleAsItsDefaultsName() {
    Map<String, String> auth = environment(AUTH_SERVICE);
    Map<String, String> sync = environment(SYNC_WORKER);

    assertThat(auth.get("DB_NAME")).isEqualTo("o365_auth");
    assertThat(sync.get("DB_NAME")).isEqualTo("o365_sync");
    assertThat(ModuleFiles.of(AUTH_SERVICE).properties().property("db.location"))
        .contains("${DB_NAME:o365_auth}");
    assertThat(ModuleFiles.of(SYNC_WORKER).properties().property("db.location"))
        .contains("${DB_NAME:o365_sync}");
    assertThat(auth.get("DB_USER")).isNotEqualTo(sync.get("DB_USER"));
    assertThat(auth.get("DB_PASSWORD")).isNotEqualTo(sync.get("DB_PASSWORD"));
    String script = Databases.initScript(DATABASES.values());
    for (Map<String, String> env : List.of(auth, sync)) {
      assertThat(script)
          .contains(
              "CREATE ROLE "
                  + env.get("DB_USER")
                  + " LOGIN PASSWORD '"
                  + env.get("DB_PASSWORD")
                  + "';")
          .contains("CREATE DATABASE " + env.get("DB_NAME") + " OWNER " + env.get("DB_USER") + ";");
    }
  }
}
