package dev.o365connector.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.auth.SimulatorStats;
import dev.o365connector.auth.TestSql;
import dev.o365connector.recipe.AppRegistration;
import dev.o365connector.recipe.Database;
import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single-flight across replicas: this test's instance plus the packaged service started as a second
 * process on the same database, Kafka and simulator; 200 concurrent requests spread over both
 * against an expired token must cause exactly one grant at the simulator.
 */
@QuarkusTest
class TwoInstancesSingleFlightIT {

  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource URL self;

  private Process second;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void stopSecondInstance() {
    PlatformTokens.reset();
    if (second != null) {
      second.destroy();
    }
  }

  @Test
  void twoHundredRequestsOverTwoInstancesCauseExactlyOneGrant() throws Exception {
    assertThat(JAR).as("the packaged service (./mvnw verify packages it before the ITs)").exists();
    String secondUrl = startSecondInstance();
    String id =
        Installs.installed(
            "{\"accountId\":\"replicas\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    TestSql.execute(
        "update stored_token set access_token_expires_at = now() - interval '1 minute'"
            + " where installation_id = :id",
        Map.of("id", UUID.fromString(id)));
    long before = SimulatorStats.grants("refresh_token");
    String gateway = PlatformTokens.of("graph-gateway");
    List<String> bases = List.of(self.toString().replaceAll("/$", ""), secondUrl);

    HttpClient client = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String base = bases.get(i % 2);
      calls.add(CompletableFuture.supplyAsync(() -> accessToken(client, base, id, gateway), pool));
    }
    List<String> tokens = calls.stream().map(CompletableFuture::join).toList();
    pool.shutdown();

    assertThat(tokens).hasSize(200).containsOnly(tokens.get(0));
    assertThat(SimulatorStats.grants("refresh_token")).isEqualTo(before + 1);
  }

  private String startSecondInstance() throws Exception {
    var config = ConfigProvider.getConfig();
    URI jdbc =
        URI.create(config.getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx384m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target/auth-service-second-instance.log").toFile());
    URI simulator = URI.create(config.getValue("o365.simulator.base-url", String.class));
    // The second instance shares this test's database, Kafka, simulator and keyset: the recipe's
    // environment for that topology, on a port of its own.
    Topology topology =
        Topology.of(config.getValue("kafka.bootstrap.servers", String.class))
            .withAddress(Service.AUTH_SERVICE, "localhost", port)
            .withAddress(Service.GRAPH_SIMULATOR, simulator.getHost(), simulator.getPort())
            .withDatabase(
                Service.AUTH_SERVICE,
                new Database(
                    jdbc.getHost(),
                    jdbc.getPort(),
                    jdbc.getPath().substring(1),
                    config.getValue("quarkus.datasource.username", String.class),
                    config
                        .getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse("")))
            .withPlatform(config.getValue("o365.simulator.platform.issuer", String.class), Map.of())
            .withApp(
                new AppRegistration(
                    config.getValue("o365.auth.client-id", String.class),
                    config.getValue("o365.auth.client-secret", String.class),
                    config.getValue("o365.auth.callback-url", String.class)),
                true)
            .withTokenKeyset(config.getValue("o365.auth.token-keyset", String.class));
    builder.environment().putAll(ServiceRecipe.environment(Service.AUTH_SERVICE, topology));
    second = builder.start();
    String url = "http://localhost:" + port;
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && second.isAlive()) {
      try {
        if (client
                .send(
                    HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return url;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the second auth-service instance did not get ready");
  }

  private static String accessToken(HttpClient client, String base, String id, String token) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/installations/" + id + "/access-token"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return (String) JSON.readValue(response.body(), Map.class).get("accessToken");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
