package dev.o365connector.stack.demo;

import dev.o365connector.contracts.Resource;
import dev.o365connector.stack.events.PlatformTraffic;
import dev.o365connector.stack.kafka.TopicClient;
import dev.o365connector.stack.services.InstallFlow;
import dev.o365connector.stack.simulator.SimulatorTenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code ./devstack demo}: what the connector does, shown against a running stack (devstack's, or
 * docker-compose.yml's with {@code --compose}). Installs the demo tenant (APPLICATION: an admin
 * consents) and one user (DELEGATED: the user signs in), syncs the tenant, shows the change events
 * by resource with examples, changes data in the simulated tenant and shows that the next sync
 * reports exactly those changes.
 */
public final class Demo {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final String MUTATION =
      "{\"users\":{\"create\":1},"
          + "\"messages\":{\"create\":5,\"update\":3,\"delete\":2,\"move\":2},"
          + "\"events\":{\"create\":3,\"delete\":1},"
          + "\"driveItems\":{\"create\":3,\"delete\":1}}";

  /** The change events of the two syncs of the tenant, counted by resource and operation. */
  public record Result(Map<String, Integer> full, Map<String, Integer> incremental) {}

  private final DemoTarget target;
  private final PrintStream out;
  private final InstallFlow installs;
  private final PlatformTraffic traffic;

  public Demo(DemoTarget target, PrintStream out) {
    this.target = target;
    this.out = out;
    this.installs =
        new InstallFlow(
            target.authUrl(),
            target.simulator().demoTenantId(),
            target.simulator().platformTokenUrl(),
            target.simulator()::platformSecret,
            target.hostUrl());
    this.traffic = new PlatformTraffic(new TopicClient(target.kafkaBootstrapServers()));
  }

  public Result run() {
    String tenantId = target.simulator().demoTenantId();
    step("1. An admin of tenant " + tenantId + " installs the connector");
    out.println(
        "   POST /installations {type: APPLICATION}, follow the consent URL (admin consent at the"
            + " simulator), deliver the callback");
    String tenant =
        installs.install(
            new JsonObject()
                .put("accountId", "demo")
                .put("type", "APPLICATION")
                .put("tenantId", tenantId));
    installs.awaitActiveAt(target.syncWorkerUrl(), tenant, Duration.ofSeconds(60));
    out.println("   installation " + tenant + " is ACTIVE (o365.installations tells the others)");

    step("2. A user installs it for their own data");
    out.println("   POST /installations {type: DELEGATED}, the user signs in at the simulator");
    String user =
        installs.install(
            new JsonObject()
                .put("accountId", "demo")
                .put("type", "DELEGATED")
                .put("resources", new JsonArray().add("mail").add("calendar")));
    installs.awaitActiveAt(target.syncWorkerUrl(), user, Duration.ofSeconds(60));
    out.println("   installation " + user + " is ACTIVE: their mail and calendar under /me");

    step("3. The platform asks for a FULL sync of the tenant (o365.sync.requests)");
    String full = sync(tenant, "FULL", Resource.values());
    Map<String, Integer> fullCounts = summary(tenant, full);

    step("4. And of the user's installation: only that user's data, read under /me");
    summary(user, sync(user, "FULL", Resource.MAIL, Resource.CALENDAR));

    step("5. Meanwhile, in the tenant: " + MUTATION);
    JsonObject mutated = mutate();
    mutated.forEach(
        entry ->
            out.println(
                "   "
                    + entry.getKey()
                    + ": "
                    + ((JsonObject) entry.getValue())
                        .getMap().entrySet().stream()
                            .map(e -> ((List<?>) e.getValue()).size() + " " + e.getKey())
                            .toList()));

    step("6. The next INCREMENTAL sync reads only the changes (Graph delta queries)");
    String incremental = sync(tenant, "INCREMENTAL", Resource.values());
    changes(tenant, incremental).stream()
        .map(r -> new JsonObject(r.value()))
        .filter(e -> e.containsKey("op"))
        .forEach(
            e ->
                out.printf(
                    "   %-6s %-10s %-9s %s%n",
                    e.getString("op"),
                    e.getString("objectType"),
                    e.getString("resource"),
                    e.getString("objectId")));
    Map<String, Integer> incrementalCounts = summary(tenant, incremental);

    step("Done");
    out.println(
        "   Status of a run: curl "
            + target.syncWorkerUrl()
            + "/syncs/"
            + incremental
            + " -H \"Authorization: Bearer <token of O365_PLATFORM_CLIENT_ID>\"");
    out.println("   Topics: o365.changes.<resource>, o365.sync.status; events: docs/events.md");
    return new Result(fullCounts, incrementalCounts);
  }

  /** Sends a sync request and prints its status events until it ends; its request id. */
  private String sync(String installation, String mode, Resource... resources) {
    long started = System.nanoTime();
    String requestId =
        traffic.requestSync(installation, new JsonObject().put("mode", mode), resources);
    out.println("   -> " + mode + " " + Arrays.toString(resources) + ", request " + requestId);
    JsonObject status =
        traffic
            .finalStatus(
                requestId::equals,
                RUN_TIMEOUT,
                each ->
                    out.printf(
                        "   %5.1f s  %-9s %s%n",
                        (System.nanoTime() - started) / 1e9,
                        each.getString("state"),
                        each.getJsonObject("counts", new JsonObject()).encode()))
            .orElseThrow(() -> new IllegalStateException("the run did not end in " + RUN_TIMEOUT));
    if (!"SUCCEEDED".equals(status.getString("state"))) {
      throw new IllegalStateException("the run failed: " + status.encode());
    }
    return requestId;
  }

  /**
   * Prints the counts of the run's change events per resource and operation, and one example of
   * each; the counts.
   */
  private Map<String, Integer> summary(String installation, String requestId) {
    Map<String, Integer> counts = new TreeMap<>();
    List<ConsumerRecord<String, String>> examples = new ArrayList<>();
    for (Resource resource : Resource.values()) {
      ConsumerRecord<String, String> example = null;
      for (ConsumerRecord<String, String> record : changes(installation, requestId, resource)) {
        JsonObject event = new JsonObject(record.value());
        String what = event.containsKey("op") ? event.getString("op") : "resync marker";
        counts.merge(resource.value() + " " + what, 1, Integer::sum);
        if (example == null && event.containsKey("op")) {
          example = record;
        }
      }
      if (example != null) {
        examples.add(example);
      }
    }
    out.println("   change events of this run:");
    counts.forEach((what, count) -> out.printf("     %-24s %6d%n", what, count));
    for (ConsumerRecord<String, String> example : examples) {
      out.println("   example on " + example.topic() + ", key " + example.key() + ":");
      for (Header header : example.headers()) {
        out.println(
            "     " + header.key() + ": " + new String(header.value(), StandardCharsets.UTF_8));
      }
      out.println("     " + abbreviated(new JsonObject(example.value())));
    }
    return counts;
  }

  private List<ConsumerRecord<String, String>> changes(String installation, String requestId) {
    return Arrays.stream(Resource.values())
        .flatMap(resource -> changes(installation, requestId, resource).stream())
        .toList();
  }

  private List<ConsumerRecord<String, String>> changes(
      String installation, String requestId, Resource resource) {
    return traffic.changes(resource, installation).stream()
        .filter(
            r ->
                r.value() != null
                    && requestId.equals(new JsonObject(r.value()).getString("syncRequestId")))
        .toList();
  }

  /** The event with the Graph object cut to a few fields, so one example fits on a screen. */
  private static String abbreviated(JsonObject event) {
    JsonObject data = event.getJsonObject("data");
    if (data != null) {
      JsonObject shown = new JsonObject();
      data.fieldNames().stream().sorted().limit(5).forEach(f -> shown.put(f, data.getValue(f)));
      event = event.copy().put("data", shown.put("...", (data.size() - shown.size()) + " more"));
    }
    String text = event.encode();
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }

  private JsonObject mutate() {
    return new SimulatorTenant(target.simulatorUrl(), target.simulator().demoTenantId())
        .mutate(MUTATION);
  }

  private void step(String title) {
    out.println();
    out.println("== " + title);
  }
}
