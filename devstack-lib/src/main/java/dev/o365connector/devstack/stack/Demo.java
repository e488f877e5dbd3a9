package dev.o365connector.devstack.stack;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import dev.o365connector.devstack.services.InstallFlow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code ./devstack demo}: what the connector does, shown against the running stack. Installs the
 * demo tenant (APPLICATION: an admin consents) and one user (DELEGATED: the user signs in), syncs
 * the tenant, shows the change events by resource with examples, changes data in the simulated
 * tenant and shows that the next sync reports exactly those changes.
 */
final class Demo {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MUTATION =
      "{\"users\":{\"create\":1},"
          + "\"messages\":{\"create\":5,\"update\":3,\"delete\":2,\"move\":2},"
          + "\"events\":{\"create\":3,\"delete\":1},"
          + "\"driveItems\":{\"create\":3,\"delete\":1}}";

  private final Stack stack;
  private final StackEnvironment environment;
  private final PrintStream out;
  private final InstallFlow installs;
  private final KafkaTestClient kafka;

  Demo(Stack stack, StackEnvironment environment, PrintStream out) {
    this.stack = stack;
    this.environment = environment;
    this.out = out;
    this.installs =
        new InstallFlow(
            stack.url(StackPart.AUTH_SERVICE),
            environment.demoTenantId(),
            environment.platformTokenUrl(),
            environment::platformSecret);
    this.kafka = KafkaTestClient.of(stack.kafkaBootstrapServers());
  }

  void run() {
    if (environment.microsoft()) {
      throw new IllegalStateException(
          "the demo changes data in the simulated tenant; run it without O365_CLIENT_ID");
    }
    step("1. An admin of tenant " + environment.demoTenantId() + " installs the connector");
    out.println(
        "   POST /installations {type: APPLICATION}, follow the consent URL (admin consent at the"
            + " simulator), deliver the callback");
    String tenant =
        installs.install(
            new JsonObject()
                .put("accountId", "demo")
                .put("type", "APPLICATION")
                .put("tenantId", environment.demoTenantId()));
    out.println("   installation " + tenant + " is ACTIVE (o365.installations tells the others)");

    step("2. A user installs it for their own data");
    out.println("   POST /installations {type: DELEGATED}, the user signs in at the simulator");
    String user =
        installs.install(
            new JsonObject()
                .put("accountId", "demo")
                .put("type", "DELEGATED")
                .put("resources", new JsonArray().add("mail").add("calendar")));
    out.println("   installation " + user + " is ACTIVE: their mail and calendar under /me");

    step("3. The platform asks for a FULL sync of the tenant (o365.sync.requests)");
    String full = sync(tenant, "FULL", "users", "mail", "calendar", "files");
    summary(tenant, full);

    step("4. And of the user's installation: only that user's data, read under /me");
    summary(user, sync(user, "FULL", "mail", "calendar"));

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
    String incremental = sync(tenant, "INCREMENTAL", "users", "mail", "calendar", "files");
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
    summary(tenant, incremental);

    step("Done");
    out.println(
        "   Status of a run: curl "
            + stack.url(StackPart.SYNC_WORKER)
            + "/syncs/"
            + incremental
            + " -H \"Authorization: Bearer <token of O365_PLATFORM_CLIENT_ID>\"");
    out.println("   Topics: o365.changes.<resource>, o365.sync.status; events: docs/events.md");
  }

  /** Sends a sync request and prints its status events until it ends; its request id. */
  private String sync(String installation, String mode, String... resources) {
    String requestId = UUID.randomUUID().toString();
    JsonObject request =
        new JsonObject()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("mode", mode)
            .put("resources", new JsonArray(List.of((Object[]) resources)));
    out.println("   -> " + request.encode());
    kafka.send(Topics.SYNC_REQUESTS, installation, request.encode());
    long started = System.nanoTime();
    ConsumerRecord<String, String> last =
        kafka
            .awaitRecord(
                Topics.SYNC_STATUS,
                record -> {
                  JsonObject status = new JsonObject(record.value());
                  if (!requestId.equals(status.getString("requestId"))) {
                    return false;
                  }
                  out.printf(
                      "   %5.1f s  %-9s %s%n",
                      (System.nanoTime() - started) / 1e9,
                      status.getString("state"),
                      status.getJsonObject("counts", new JsonObject()).encode());
                  return List.of("SUCCEEDED", "FAILED").contains(status.getString("state"));
                },
                RUN_TIMEOUT)
            .orElseThrow(() -> new IllegalStateException("the run did not end in " + RUN_TIMEOUT));
    JsonObject status = new JsonObject(last.value());
    if (!"SUCCEEDED".equals(status.getString("state"))) {
      throw new IllegalStateException("the run failed: " + status.encode());
    }
    return requestId;
  }

  /** Counts of the run's change events per resource and operation, and one example of each. */
  private void summary(String installation, String requestId) {
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
  }

  private List<ConsumerRecord<String, String>> changes(String installation, String requestId) {
    return Arrays.stream(Resource.values())
        .flatMap(resource -> changes(installation, requestId, resource).stream())
        .toList();
  }

  private List<ConsumerRecord<String, String>> changes(
      String installation, String requestId, Resource resource) {
    return kafka.readAll(
        Topics.changes(resource),
        r ->
            r.value() != null
                && (r.key().equals(installation) || r.key().startsWith(installation + "|"))
                && requestId.equals(new JsonObject(r.value()).getString("syncRequestId")));
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
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          stack.url(StackPart.SIMULATOR)
                              + "/_sim/tenants/"
                              + environment.demoTenantId()
                              + "/mutations"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(MUTATION))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the simulator refused the mutation: " + response.body());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void step(String title) {
    out.println();
    out.println("== " + title);
  }
}
