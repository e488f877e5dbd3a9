package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Resource;
import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackPart;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second sync-worker process joins the first: both take runs, and {@code kill -9} of the first in
 * the middle of a run hands that run to the second once its lease expires (the e2e build sets
 * {@code O365_SYNC_LEASE} to 10 s), with nothing lost.
 */
class WorkerFailoverIT {

  private static final String SECOND = "sync-worker-2";
  private static final int SECOND_PORT =
      StackPart.SYNC_WORKER.defaultPort() + WholeSystem.PORT_OFFSET + 1;

  private final Platform platform = new Platform(WholeSystem.shared());
  private final Stack stack = platform.system().stack();

  @Test
  void bothWorkersWorkAndAKilledOnesRunIsFinishedByTheOther() throws Exception {
    stack.startExtraWorker(SECOND, SECOND_PORT, line -> System.out.println("[stack] " + line));
    Map<String, String> runs = new HashMap<>(); // requestId -> installation
    for (int i = 0; i < 4; i++) {
      String installation = platform.installApplication();
      runs.put(platform.sync(installation, "FULL", USERS, MAIL, FILES), installation);
    }

    String handedOver =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> unfinished(claimed(StackPart.SYNC_WORKER.id()), runs), Optional::isPresent)
            .get();
    stack.kill(StackPart.SYNC_WORKER.id());
    long killed = System.nanoTime();

    for (String requestId : runs.keySet()) {
      platform.succeeded(requestId);
    }
    double recovered = (System.nanoTime() - killed) / 1e9;
    assertThat(claimed(SECOND)).contains(handedOver);
    assertThat(claimed(StackPart.SYNC_WORKER.id())).isNotEmpty();

    String installation = runs.get(handedOver);
    int duplicates = 0;
    for (Resource resource : new Resource[] {USERS, MAIL, FILES}) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truth(resource));
      duplicates += duplicates(resource, installation, handedOver);
    }
    System.out.printf(
        "[measured] worker kill -9 mid-run: run %s finished by %s %.1f s after the kill"
            + " (lease 10 s); lost 0; duplicates %d (same ce_id twice, replayed pages)%n",
        handedOver, SECOND, recovered, duplicates);
  }

  @AfterEach
  void bothWorkersBackToOne() {
    stack.stop(SECOND);
    if (stack.running(StackPart.SYNC_WORKER).isEmpty()) {
      stack.start(StackPart.SYNC_WORKER, line -> System.out.println("[stack] " + line));
    }
  }

  /** The runs a worker process claimed so far, from its log. */
  private List<String> claimed(String worker) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(stack.home().log(worker))) {
      int at = line.indexOf("Claimed run ");
      if (at >= 0) {
        ids.add(line.substring(at + "Claimed run ".length()).split(" ")[0]);
      }
    }
    return ids;
  }

  /** The first of {@code requestIds} among {@code ours} that has not ended yet. */
  private Optional<String> unfinished(List<String> requestIds, Map<String, String> ours) {
    return requestIds.stream()
        .filter(ours::containsKey)
        .filter(
            id ->
                platform
                    .traffic()
                    .finalStatus(id::equals, Duration.ofMillis(300), status -> {})
                    .isEmpty())
        .findFirst();
  }

  /** Change events of the run published more than once (a replayed page after the handover). */
  private int duplicates(Resource resource, String installation, String requestId) {
    Map<String, Long> byId =
        platform.traffic().changes(resource, installation).stream()
            .filter(r -> r.value() != null)
            .filter(r -> requestId.equals(new JsonObject(r.value()).getString("syncRequestId")))
            .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
            .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    return (int) byId.values().stream().filter(n -> n > 1).count();
  }
}
