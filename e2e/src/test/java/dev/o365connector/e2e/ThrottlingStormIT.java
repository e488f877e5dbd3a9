package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One incremental run through a storm: half of the delta requests answered 429 with Retry-After,
 * bursts of 503, and every delta token expired. The run completes, no request is repeated before
 * the Retry-After it was given, and the resync shows in the events as markers.
 */
class ThrottlingStormIT {

  private static final int THROTTLED = 40;

  private final Platform platform = new Platform(WholeSystem.shared());
  private final List<String> faults = new ArrayList<>();

  @Test
  void theRunCompletesRespectingRetryAfterAndResyncsTheExpiredScopes() {
    String installation = platform.installApplication();
    platform.succeeded(platform.sync(installation, "FULL", MAIL, FILES));

    platform.tenant().expireDeltaTokens();
    platform
        .tenant()
        .mutate("{\"messages\":{\"create\":3,\"delete\":1},\"driveItems\":{\"create\":2}}");
    Instant stormStarted = Instant.now();
    faults.add(
        platform
            .tenant()
            .addFault(
                new JsonObject()
                    .put("pathRegex", "/delta")
                    .put("status", 429)
                    .put("retryAfterSeconds", 1)
                    .put("probability", 0.5)
                    .put("count", THROTTLED)));
    faults.add(
        platform
            .tenant()
            .addFault(
                new JsonObject()
                    .put("pathRegex", "/delta")
                    .put("status", 503)
                    .put("retryAfterSeconds", 1)
                    .put("probability", 0.2)
                    .put("count", 10)));
    long started = System.nanoTime();
    String requestId = platform.sync(installation, "INCREMENTAL", MAIL, FILES);
    JsonObject status = platform.succeeded(requestId);
    double took = (System.nanoTime() - started) / 1e9;

    assertThat(status.getBoolean("resync")).isTrue();
    for (Resource resource : new Resource[] {MAIL, FILES}) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truth(resource));
      assertThat(platform.traffic().changes(resource, installation))
          .filteredOn(r -> r.key().equals(installation) && r.value() != null)
          .extracting(r -> new JsonObject(r.value()).getString("syncRequestId"))
          .as("resync markers of " + resource.value())
          .contains(requestId);
    }

    List<JsonObject> journal = platform.tenant().requests("/delta", stormStarted);
    List<String> early = early(journal);
    long throttled = journal.stream().filter(r -> r.getInteger("status") == 429).count();
    long unavailable = journal.stream().filter(r -> r.getInteger("status") == 503).count();
    assertThat(throttled).isPositive();
    assertThat(early).as("requests repeated before their Retry-After").isEmpty();
    System.out.printf(
        "[measured] storm: %d x 429 and %d x 503 among %d delta requests, delta tokens expired;"
            + " run SUCCEEDED in %.1f s with resync markers; 0 requests before their Retry-After;"
            + " lost 0%n",
        throttled, unavailable, journal.size(), took);
  }

  /**
   * Each answer with a Retry-After whose request (same path, query and mailbox) came again before
   * that many seconds had passed.
   */
  private static List<String> early(List<JsonObject> journal) {
    List<String> early = new ArrayList<>();
    for (int i = 0; i < journal.size(); i++) {
      JsonObject answer = journal.get(i);
      if (answer.getString("retryAfter") == null) {
        continue;
      }
      Instant allowed =
          Instant.parse(answer.getString("receivedAt"))
              .plusSeconds(Long.parseLong(answer.getString("retryAfter")));
      for (int j = i + 1; j < journal.size(); j++) {
        JsonObject next = journal.get(j);
        if (sameRequest(answer, next)) {
          Instant at = Instant.parse(next.getString("receivedAt"));
          if (at.isBefore(allowed.minus(Duration.ofMillis(20)))) {
            early.add(next.getString("path") + " at " + at + ", allowed from " + allowed);
          }
          break;
        }
      }
    }
    return early;
  }

  private static boolean sameRequest(JsonObject a, JsonObject b) {
    return Objects.equals(a.getString("path"), b.getString("path"))
        && Objects.equals(a.getString("query"), b.getString("query"))
        && Objects.equals(a.getString("mailbox"), b.getString("mailbox"));
  }

  @AfterEach
  void calm() {
    faults.forEach(id -> platform.tenant().removeFault(id));
  }
}
