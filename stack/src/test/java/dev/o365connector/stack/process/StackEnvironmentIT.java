package dev.o365connector.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.o365connector.recipe.ServiceProperties;
import dev.o365connector.stack.infrastructure.Infrastructure;
import dev.o365connector.stack.simulator.SimulatorServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment devstack starts each service with, against a real simulator. */
class StackEnvironmentIT {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** The key id of the keyset auth-service's own tests and docker-compose.yml use. */
  private static final String TEST_FIXTURE_KEYSET_ID = "2743068641";

  @TempDir Path home;

  private Stack stack(int authPort) {
    Map<StackPart, Integer> ports = new EnumMap<>(Stack.configuredPorts());
    ports.put(StackPart.SIMULATOR, URI.create(SimulatorServer.sharedBaseUrl()).getPort());
    ports.put(StackPart.AUTH_SERVICE, authPort);
    return new Stack(REPOSITORY, new StackHome(home), ports);
  }

  @Test
  void everyServiceGetsEveryVariableItsProductionConfigurationRequires() {
    Stack stack = stack(StackPart.AUTH_SERVICE.defaultPort());
    StackEnvironment environment = StackEnvironment.read(stack);
    for (StackPart service :
        new StackPart[] {StackPart.AUTH_SERVICE, StackPart.GRAPH_GATEWAY, StackPart.SYNC_WORKER}) {
      Map<String, String> env = environment.serviceEnvironment(service);
      assertThat(env.keySet())
          .as(service.id())
          .containsAll(ServiceProperties.of(REPOSITORY.resolve(service.id())).requiredVariables());
      assertThat(env).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(stack.port(service)));
      // Its credentials are committed development ones: the stack declares itself development.
      assertThat(env).containsEntry("O365_DEPLOYMENT_MODE", "development");
    }
    assertThat(environment.serviceEnvironment(StackPart.GRAPH_GATEWAY))
        .containsEntry("O365_AUTH_URL", stack.url(StackPart.AUTH_SERVICE))
        .containsEntry("O365_GRAPH_BASE_URL", stack.url(StackPart.SIMULATOR) + "/v1.0");
    assertThat(environment.serviceEnvironment(StackPart.SYNC_WORKER))
        .containsEntry("O365_GATEWAY_URL", stack.url(StackPart.GRAPH_GATEWAY))
        .containsEntry("DB_NAME", "o365_sync");
  }

  @Test
  void theStackHasATokenKeysetOfItsOwnKeptWithItsData() throws Exception {
    assumeFalse(
        Infrastructure.setting("O365_TOKEN_KEYSET").isPresent(), "O365_TOKEN_KEYSET names one");
    Stack stack = stack(StackPart.AUTH_SERVICE.defaultPort());
    String keyset =
        StackEnvironment.read(stack)
            .serviceEnvironment(StackPart.AUTH_SERVICE)
            .get("O365_TOKEN_KEYSET");

    assertThat(keyset).contains("AesGcmKey").doesNotContain(TEST_FIXTURE_KEYSET_ID);
    // The tokens auth-service stores outlive a restart: so does the keyset that encrypts them.
    assertThat(
            StackEnvironment.read(stack)
                .serviceEnvironment(StackPart.AUTH_SERVICE)
                .get("O365_TOKEN_KEYSET"))
        .isEqualTo(keyset);
    Path file = stack.home().data(StackPart.AUTH_SERVICE).resolve("token-keyset.json");
    assertThat(file).hasContent(keyset);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theDotenvFileNamesEveryUrlAndTheDevCredentials() {
    StackEnvironment environment = StackEnvironment.read(stack(8081));
    assertThat(environment.dotenv())
        .containsKeys(
            "O365_AUTH_URL",
            "O365_GATEWAY_URL",
            "O365_SYNC_URL",
            "O365_SIMULATOR_URL",
            "KAFKA_BOOTSTRAP_SERVERS",
            "O365_PLATFORM_TOKEN_URL",
            "O365_PLATFORM_CLIENT_ID",
            "O365_PLATFORM_CLIENT_SECRET",
            "O365_AUTH_DB_URL",
            "O365_AUTH_DB_USER",
            "O365_AUTH_DB_PASSWORD")
        .containsEntry("O365_PLATFORM_CLIENT_ID", "platform-dev");
    assertThat(environment.dotenv().get("O365_AUTH_DB_URL")).startsWith("jdbc:postgresql://");
  }

  @Test
  void anotherAuthPortRegistersAnAppWhoseRedirectUriIsItsCallback() throws Exception {
    Stack stack = stack(18081);
    Map<String, String> auth =
        StackEnvironment.read(stack).serviceEnvironment(StackPart.AUTH_SERVICE);
    assertThat(auth)
        .containsEntry("O365_CALLBACK_URL", "http://localhost:18081/connector/callback");
    JsonObject info =
        new JsonObject(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(stack.url(StackPart.SIMULATOR) + "/_sim/info"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(info.getJsonArray("apps").stream().map(JsonObject.class::cast))
        .filteredOn(app -> app.getString("clientId").equals(auth.get("O365_CLIENT_ID")))
        .singleElement()
        .satisfies(
            app ->
                assertThat(app.getJsonArray("redirectUris").getList())
                    .containsExactly("http://localhost:18081/connector/callback"));
  }
}
