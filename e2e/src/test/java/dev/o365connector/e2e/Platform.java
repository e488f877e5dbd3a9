package dev.o365connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.stack.events.PlatformTraffic;
import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackPart;
import dev.o365connector.stack.services.InstallFlow;
import dev.o365connector.stack.simulator.SimulatorTenant;
import dev.o365connector.testsupport.events.ConsumerView;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The platform's side of the whole system, as its other services use it: install through
 * auth-service, ask for syncs on Kafka, read status and change events, and compare what a consumer
 * holds with the simulator's ground truth.
 */
final class Platform {

  static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  private final WholeSystem system;
  private final InstallFlow installs;
  private final PlatformTraffic traffic;
  private final SimulatorTenant tenant;

  Platform(WholeSystem system) {
    this.system = system;
    StackEnvironment environment = system.environment();
    this.installs =
        new InstallFlow(
            system.stack().url(StackPart.AUTH_SERVICE),
            environment.demoTenantId(),
            environment.platformTokenUrl(),
            environment::platformSecret);
    this.traffic = new PlatformTraffic(KafkaTestClient.of(system.stack().kafkaBootstrapServers()));
    this.tenant =
        new SimulatorTenant(system.stack().url(StackPart.SIMULATOR), environment.demoTenantId());
  }

  InstallFlow installs() {
    return installs;
  }

  SimulatorTenant tenant() {
    return tenant;
  }

  PlatformTraffic traffic() {
    return traffic;
  }

  String installApplication() {
    return knownToTheWorker(
        installs.install(
            new JsonObject()
                .put("accountId", "e2e")
                .put("type", "APPLICATION")
                .put("tenantId", tenant.id())));
  }

  String installDelegated(Resource... resources) {
    JsonArray wanted = new JsonArray();
    for (Resource resource : resources) {
      wanted.add(resource.value());
    }
    return knownToTheWorker(
        installs.install(
            new JsonObject()
                .put("accountId", "e2e")
                .put("type", "DELEGATED")
                .put("resources", wanted)));
  }

  private String knownToTheWorker(String installation) {
    installs.awaitActiveAt(
        system.stack().url(StackPart.SYNC_WORKER), installation, Duration.ofSeconds(60));
    return installation;
  }

  String sync(String installation, String mode, Resource... resources) {
    return traffic.requestSync(installation, new JsonObject().put("mode", mode), resources);
  }

  /** The run's final status, asserted to be SUCCEEDED. */
  JsonObject succeeded(String requestId) {
    JsonObject status = finalStatus(requestId);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    return status;
  }

  JsonObject finalStatus(String requestId) {
    return traffic
        .finalStatus(requestId::equals, RUN_TIMEOUT, status -> {})
        .orElseThrow(() -> new AssertionError("no final status for " + requestId + " in time"));
  }

  /** What a consumer of the installation's events holds for {@code resource}. */
  Set<String> live(Resource resource, String installation) {
    return ConsumerView.live(traffic.changes(resource, installation));
  }

  /** The ground truth of {@code resource} (calendar: the worker's default window). */
  Set<String> truth(Resource resource) {
    return tenant.truth(resource.value(), query(resource), entry -> true);
  }

  /** The ground truth of one user's {@code resource}. */
  Set<String> truthOf(Resource resource, String ownerId) {
    return tenant.truth(
        resource.value(), query(resource), entry -> ownerId.equals(entry.getString("ownerId")));
  }

  /** The calendar window the worker reads by default: 30 days back, 365 ahead, from today. */
  private static String query(Resource resource) {
    if (resource != Resource.CALENDAR) {
      return "";
    }
    Instant anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
    return "&startDateTime="
        + anchor.minus(Duration.ofDays(30))
        + "&endDateTime="
        + anchor.plus(Duration.ofDays(365));
  }

  WholeSystem system() {
    return system;
  }
}
