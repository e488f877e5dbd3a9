package dev.o365connector.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Resource;
import dev.o365connector.stack.events.PlatformTraffic;
import dev.o365connector.stack.services.InstallFlow;
import dev.o365connector.stack.simulator.SimulatorTenant;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.testsupport.events.ConsumerView;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the sync tests do as the platform would: install through auth-service, send sync requests,
 * read status and change events from Kafka, and compare with the simulator's ground truth.
 */
public final class Syncs {

  public static final Duration WAIT = Duration.ofSeconds(90);

  private final PlatformTraffic traffic = new PlatformTraffic(KafkaTestClient.shared());
  private final InstallFlow installs =
      new InstallFlow(ConfigProvider.getConfig().getValue("o365.auth-service.url", String.class));

  public String tenant() {
    return installs.demoTenantId();
  }

  /** A platform token of {@code clientId} ({@code platform-dev} holds every internal role). */
  public String platformToken(String clientId) {
    return installs.platformToken(clientId);
  }

  /** An APPLICATION installation of the demo tenant, once the worker has heard of it. */
  public String applicationInstall(KnownInstallations installations) {
    String installation =
        installs.install(
            new JsonObject()
                .put("accountId", "sync-tests")
                .put("type", "APPLICATION")
                .put("tenantId", tenant()));
    await()
        .atMost(WAIT)
        .until(() -> installations.find(installation).await().indefinitely().isPresent());
    return installation;
  }

  /** A DELEGATED installation (the demo user signs in) for {@code resources}, once announced. */
  public String delegatedInstall(KnownInstallations installations, Resource... resources) {
    JsonArray wanted = new JsonArray();
    for (Resource resource : resources) {
      wanted.add(resource.value());
    }
    String installation =
        installs.install(
            new JsonObject()
                .put("accountId", "sync-tests")
                .put("type", "DELEGATED")
                .put("resources", wanted));
    await()
        .atMost(WAIT)
        .until(() -> installations.find(installation).await().indefinitely().isPresent());
    return installation;
  }

  /** Uninstalls through auth-service, as the platform would. */
  public void uninstall(String installation) {
    installs.uninstall(installation);
  }

  /** The final status of the first run whose request id starts with {@code prefix}. */
  public JsonObject finalStatusOfRunStartingWith(String prefix) {
    return finalStatus(id -> id.startsWith(prefix), prefix + "…");
  }

  /** Sends a sync request; its id. */
  public String sync(String installation, String mode, Resource... resources) {
    return sync(installation, new JsonObject().put("mode", mode), resources);
  }

  /** Sends a sync request with the fields of {@code request} (mode, calendarWindow...); its id. */
  public String sync(String installation, JsonObject request, Resource... resources) {
    return traffic.requestSync(installation, request, resources);
  }

  /** The run's final status event: its state, and its error if any. */
  public JsonObject finalStatus(String requestId) {
    return finalStatus(requestId::equals, requestId);
  }

  private JsonObject finalStatus(Predicate<String> requestId, String what) {
    return traffic
        .finalStatus(requestId, WAIT, status -> {})
        .orElseThrow(() -> new AssertionError("no final status for " + what));
  }

  /** Every record of the installation on the resource's change topic, tombstones included. */
  public List<ConsumerRecord<String, String>> changes(Resource resource, String installation) {
    return traffic.changes(resource, installation);
  }

  /**
   * A FULL sync of {@code resource}, then every delta token expired and {@code mutation} applied
   * meanwhile, then an INCREMENTAL sync, checked to have SUCCEEDED with {@code resync}; its id.
   */
  public String resyncAfterExpiry(String installation, Resource resource, String mutation) {
    assertThat(finalStatus(sync(installation, "FULL", resource)).getString("state"))
        .isEqualTo("SUCCEEDED");
    expireDeltaTokens();
    mutate(mutation);
    String resync = sync(installation, "INCREMENTAL", resource);
    JsonObject status = finalStatus(resync);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    assertThat(status.getBoolean("resync")).isTrue();
    return resync;
  }

  /** The resync markers (started and completed) one request published. */
  public List<JsonObject> markers(Resource resource, String installation, String requestId) {
    return changes(resource, installation).stream()
        .filter(r -> r.value() != null && r.key().equals(installation))
        .map(r -> new JsonObject(r.value()))
        .filter(m -> requestId.equals(m.getString("syncRequestId")))
        .toList();
  }

  /** The change events (not markers, not tombstones) one request published. */
  public List<JsonObject> events(Resource resource, String installation, String requestId) {
    return traffic.events(resource, installation, requestId);
  }

  /** The object ids a consumer holds after applying the installation's events (docs/events.md). */
  public Set<String> live(Resource resource, String installation) {
    return ConsumerView.live(changes(resource, installation));
  }

  /**
   * For a failed comparison: the ids in {@code live} or {@code truth} but not both, each with the
   * events the installation's topic holds for it (op, objectType, containerId, request).
   */
  public String differences(
      Resource resource, String installation, Set<String> live, Set<String> truth) {
    Set<String> differing = new HashSet<>(live);
    differing.addAll(truth);
    differing.removeIf(id -> live.contains(id) && truth.contains(id));
    Map<String, List<String>> history = new HashMap<>();
    for (ConsumerRecord<String, String> record : changes(resource, installation)) {
      String id = record.key().substring(record.key().indexOf('|') + 1);
      if (differing.contains(id)) {
        JsonObject event = record.value() == null ? null : new JsonObject(record.value());
        history
            .computeIfAbsent(id, x -> new ArrayList<>())
            .add(
                event == null
                    ? "tombstone"
                    : event.getString("op")
                        + " "
                        + event.getString("objectType")
                        + " in "
                        + event.getString("containerId")
                        + " by "
                        + event.getString("syncRequestId"));
      }
    }
    StringBuilder text = new StringBuilder();
    differing.forEach(
        id ->
            text.append(truth.contains(id) ? "missing " : "extra ")
                .append(id)
                .append(": ")
                .append(history.getOrDefault(id, List.of()))
                .append('\n'));
    return text.toString();
  }

  /** The ids of what a complete sync of {@code resource} must end with. */
  public Set<String> truth(Resource resource) {
    return truth(resource, "", entry -> true);
  }

  /**
   * The ids of the ground truth entries ({objectType, id, ownerId, containerId, version}) that
   * {@code wanted} accepts; {@code query} adds parameters, e.g. {@code &startDateTime=...}.
   */
  public Set<String> truth(Resource resource, String query, Predicate<JsonObject> wanted) {
    return tenantControl().truth(resource.value(), query, wanted);
  }

  /**
   * The truth query for the calendar window the worker asks for by default ({@code pastDays} 30,
   * {@code futureDays} 365) or with a request's {@code calendarWindow}: anchored at the start of
   * the current UTC day.
   */
  public static String calendarWindow(int pastDays, int futureDays) {
    Instant anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
    return "&startDateTime="
        + anchor.minus(Duration.ofDays(pastDays))
        + "&endDateTime="
        + anchor.plus(Duration.ofDays(futureDays));
  }

  /** The simulator's ground truth entries of {@code resource}. */
  public List<JsonObject> truthEntries(Resource resource, String query) {
    return tenantControl().truthEntries(resource.value(), query);
  }

  /** Applies {@code mutation} (the simulator's mutations API) to the demo tenant; what changed. */
  public JsonObject mutate(String mutation) {
    return tenantControl().mutate(mutation);
  }

  /**
   * The Graph requests the simulator answered while the run with final status {@code status} ran
   * (from its {@code startedAt} to its {@code finishedAt}), oldest first: {method, path, query,
   * status, ...}. Tests run one after another, so nothing else talks to Graph meanwhile.
   */
  public List<JsonObject> graphRequestsDuring(JsonObject status) {
    Instant started = Instant.parse(status.getString("startedAt"));
    Instant finished = Instant.parse(status.getString("finishedAt"));
    return tenantControl().requests("", started).stream()
        .filter(r -> !Instant.parse(r.getString("receivedAt")).isAfter(finished))
        .toList();
  }

  /** The installation's cursors as operators see them ({resource, owner, container, ...}). */
  public List<JsonObject> cursors(String installation) {
    return new JsonObject(
            given()
                .auth()
                .oauth2(platformToken("platform-dev"))
                .get("/installations/" + installation + "/sync-state")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .getJsonArray("cursors").stream().map(JsonObject.class::cast).toList();
  }

  public void expireDeltaTokens() {
    tenantControl().expireDeltaTokens();
  }

  /**
   * Slows every delta request at the simulator by {@code latencyMs} (a fault rule), so that runs
   * are surely under way when a test acts on them; the rule's id for {@link #removeFault}.
   */
  public String slowDeltas(long latencyMs) {
    return tenantControl()
        .addFault(new JsonObject().put("pathRegex", "/delta").put("latencyMs", latencyMs));
  }

  public void removeFault(String id) {
    tenantControl().removeFault(id);
  }

  private SimulatorTenant tenantControl() {
    return new SimulatorTenant(simulator(), tenant());
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    return ConsumerView.header(record, name);
  }

  private static String simulator() {
    return ConfigProvider.getConfig().getValue("o365.simulator.base-url", String.class);
  }
}
