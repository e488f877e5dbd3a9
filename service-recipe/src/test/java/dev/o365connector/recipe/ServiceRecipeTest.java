package dev.o365connector.recipe;

import static dev.o365connector.recipe.Service.AUTH_SERVICE;
import static dev.o365connector.recipe.Service.GRAPH_GATEWAY;
import static dev.o365connector.recipe.Service.GRAPH_SIMULATOR;
import static dev.o365connector.recipe.Service.SYNC_WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The recipe against each service's own production configuration, read from its module. */
class ServiceRecipeTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private static final Topology STACK =
      Topology.of("kafka:9092")
          .withAddress(GRAPH_SIMULATOR, "simulator", 8089)
          .withAddress(AUTH_SERVICE, "auth", 18081)
          .withAddress(GRAPH_GATEWAY, "gateway", 18082)
          .withAddress(SYNC_WORKER, "worker", 18083)
          .withDatabase(AUTH_SERVICE, new Database("db", 5432, "o365_auth", "auth", ""))
          .withDatabase(SYNC_WORKER, new Database("db", 5432, "o365_sync", "sync", "s3cret"))
          .withPlatform(
              "http://simulator:8089/platform/v2.0",
              Map.of("graph-gateway", "gateway-secret", "sync-worker", "worker-secret"))
          .withApp(
              new AppRegistration("app", "app-secret", "http://auth:18081/connector/callback"),
              true)
          .withTokenKeyset("keyset");

  @ParameterizedTest
  @EnumSource(names = {"AUTH_SERVICE", "GRAPH_GATEWAY", "SYNC_WORKER"})
  void everyRequiredVariableIsSetAndNoneTheServiceWouldIgnore(Service service) {
    ServiceProperties properties = ServiceProperties.of(REPOSITORY, service);
    Map<String, String> env = ServiceRecipe.environment(service, STACK);

    assertThat(env).containsKeys(properties.requiredVariables().toArray(String[]::new));
    assertThat(env.keySet())
        .allSatisfy(
            name ->
                assertThat(
                        properties.knownVariables().contains(name)
                            || name.equals("QUARKUS_HTTP_PORT"))
                    .as("%s reads %s", service.id(), name)
                    .isTrue());
    assertThat(env.values()).doesNotContainNull().doesNotContain("");
  }

  @ParameterizedTest
  @EnumSource(names = {"AUTH_SERVICE", "GRAPH_GATEWAY", "SYNC_WORKER"})
  void eachServiceListensWhereTheTopologyPutsItAsADevelopmentDeployment(Service service) {
    assertThat(ServiceRecipe.environment(service, STACK))
        .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(STACK.address(service).port()))
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
        .containsEntry("O365_PLATFORM_ISSUER", "http://simulator:8089/platform/v2.0")
        .containsEntry("O365_DEPLOYMENT_MODE", "development");
    assertThat(ServiceProperties.of(REPOSITORY, service).property("quarkus.http.port"))
        .isEqualTo(Integer.toString(service.port()));
  }

  @Test
  void eachServiceCallsTheOthersWhereTheyListen() {
    assertThat(ServiceRecipe.environment(AUTH_SERVICE, STACK))
        .containsEntry("O365_LOGIN_BASE_URL", "http://simulator:8089")
        .containsEntry("O365_GRAPH_BASE_URL", "http://simulator:8089/v1.0")
        .containsEntry("O365_CALLBACK_URL", "http://auth:18081/connector/callback")
        .containsEntry("O365_CLIENT_ID", "app")
        .containsEntry("O365_CLIENT_SECRET", "app-secret")
        .containsEntry("O365_TOKEN_KEYSET", "keyset")
        .doesNotContainKey("O365_RETURN_URL_PREFIXES");
    assertThat(ServiceRecipe.environment(GRAPH_GATEWAY, STACK))
        .containsEntry("O365_AUTH_URL", "http://auth:18081")
        .containsEntry("O365_GRAPH_BASE_URL", "http://simulator:8089/v1.0")
        .containsEntry("O365_PLATFORM_CLIENT_ID", "graph-gateway")
        .containsEntry("O365_PLATFORM_CLIENT_SECRET", "gateway-secret");
    assertThat(ServiceRecipe.environment(SYNC_WORKER, STACK))
        .containsEntry("O365_GATEWAY_URL", "http://gateway:18082")
        .containsEntry("O365_PLATFORM_CLIENT_ID", "sync-worker")
        .containsEntry("O365_PLATFORM_CLIENT_SECRET", "worker-secret");
    assertThat(ServiceRecipe.arguments(GRAPH_SIMULATOR, STACK))
        .containsExactly("--port=8089", "--host=simulator");
    assertThat(ServiceRecipe.environment(GRAPH_SIMULATOR, STACK)).isEmpty();
  }

  @Test
  void eachServiceWithDataGetsItsOwnDatabaseAsItsDefaultsNameIt() {
    assertThat(ServiceRecipe.environment(AUTH_SERVICE, STACK))
        .containsEntry("DB_HOST", "db")
        .containsEntry("DB_PORT", "5432")
        .containsEntry("DB_NAME", "o365_auth")
        .containsEntry("DB_USER", "auth")
        // A server trusting local connections takes any password; the service requires one.
        .containsEntry("DB_PASSWORD", "unused");
    assertThat(ServiceRecipe.environment(SYNC_WORKER, STACK))
        .containsEntry("DB_NAME", "o365_sync")
        .containsEntry("DB_PASSWORD", "s3cret");
    assertThat(ServiceProperties.of(REPOSITORY, AUTH_SERVICE).property("db.location"))
        .contains("${DB_NAME:" + AUTH_SERVICE.database().orElseThrow() + "}");
    assertThat(ServiceProperties.of(REPOSITORY, SYNC_WORKER).property("db.location"))
        .contains("${DB_NAME:" + SYNC_WORKER.database().orElseThrow() + "}");
    assertThat(GRAPH_GATEWAY.database()).isEmpty();
  }

  @Test
  void theServicesPlatformClientsAreTheirDefaults() {
    for (Service service : new Service[] {GRAPH_GATEWAY, SYNC_WORKER}) {
      assertThat(
              ServiceProperties.of(REPOSITORY, service).property("quarkus.oidc-client.client-id"))
          .isEqualTo("${O365_PLATFORM_CLIENT_ID:" + service.platformClient().orElseThrow() + "}");
    }
  }

  @Test
  void withRealMicrosoftTheServicesKeepMicrosoftsUrls() {
    Topology microsoft =
        STACK.withApp(
            new AppRegistration("entra-app", "entra-secret", "https://connector.example/cb"),
            false);

    assertThat(ServiceRecipe.environment(AUTH_SERVICE, microsoft))
        .doesNotContainKeys("O365_LOGIN_BASE_URL", "O365_GRAPH_BASE_URL")
        .containsEntry("O365_CLIENT_ID", "entra-app")
        .containsEntry("O365_CALLBACK_URL", "https://connector.example/cb");
    assertThat(ServiceRecipe.environment(GRAPH_GATEWAY, microsoft))
        .doesNotContainKey("O365_GRAPH_BASE_URL");
  }

  @Test
  void aServiceWithoutAnAddressGetsNoPortAndReturnUrlsAreGivenWhenAsked() {
    Topology noPorts =
        Topology.of("localhost:9092")
            .withAddress(GRAPH_SIMULATOR, "localhost", 8089)
            .withDatabase(AUTH_SERVICE, new Database("localhost", 5433, "auth_x", "postgres", ""))
            .withPlatform("http://localhost:8089/p/v2.0", Map.of())
            .withApp(
                new AppRegistration("a", "s", "http://localhost:8081/connector/callback"), true)
            .withTokenKeyset("k")
            .withReturnUrlPrefixes("https://platform.example/");

    assertThat(ServiceRecipe.environment(AUTH_SERVICE, noPorts))
        .doesNotContainKey("QUARKUS_HTTP_PORT")
        .containsEntry("O365_RETURN_URL_PREFIXES", "https://platform.example/");
  }

  @Test
  void whatAServiceNeedsAndTheTopologyLacksIsNamed() {
    Topology withoutWorker =
        STACK.withPlatform(STACK.platformIssuer(), Map.of("graph-gateway", "gateway-secret"));

    assertThatThrownBy(() -> ServiceRecipe.environment(SYNC_WORKER, withoutWorker))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sync-worker");
    assertThatThrownBy(() -> ServiceRecipe.environment(SYNC_WORKER, Topology.of("kafka:9092")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("platform issuer");
    assertThat(STACK.toString()).doesNotContain("secret").doesNotContain("keyset");
  }
}
