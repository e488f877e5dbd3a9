package dev.o365connector.sync.run;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.stack.services.ServiceProcess;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged workers in one consumer group and one database: both take runs, and when one is
 * killed with SIGKILL mid-run, the other takes that run over once its lease ran out and finishes it
 * with nothing lost.
 */
@QuarkusTest
class TwoWorkersIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();
  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void bothWorkAndAKilledOnesRunIsFinishedByTheOther() throws Exception {
    WorkerGroup group = new WorkerGroup("pair-test");
    ServiceProcess first = group.start("a");
    ServiceProcess second = group.start("b");
    // Runs of a few seconds each: the first worker must still be in one when it is killed.
    String slow = syncs.slowDeltas(100);
    try {
      Map<String, String> runs = new LinkedHashMap<>(); // requestId -> installation
      for (int i = 0; i < 4; i++) {
        String installation = syncs.applicationInstall(installations);
        await().atMost(Syncs.WAIT).until(() -> group.knows(installation));
        runs.put("pair-" + UUID.randomUUID(), installation);
      }
      runs.forEach(
          (requestId, installation) ->
              kafka.send(
                  group.requestTopic(),
                  installation,
                  new JsonObject()
                      .put("requestId", requestId)
                      .put("installationId", installation)
                      .put("resources", new JsonArray().add("users").add("files"))
                      .put("mode", "FULL")
                      .encode()));

      await()
          .atMost(Syncs.WAIT)
          .until(() -> !claimed(first).isEmpty() && !claimed(second).isEmpty());
      String handedOver =
          await()
              .atMost(Syncs.WAIT)
              .until(() -> runningIn(group, claimed(first)), Optional::isPresent)
              .get();
      first.kill();

      for (String requestId : runs.keySet()) {
        JsonObject status = syncs.finalStatus(requestId);
        assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
      }
      assertThat(claimed(second)).contains(handedOver);
      String installation = runs.get(handedOver);
      assertThat(CrashSafetyIT.liveOf(syncs, USERS, installation, handedOver))
          .isEqualTo(syncs.truth(USERS));
      assertThat(CrashSafetyIT.liveOf(syncs, FILES, installation, handedOver))
          .isEqualTo(syncs.truth(FILES));
    } finally {
      syncs.removeFault(slow);
      first.close();
      second.close();
    }
  }

  /** The runs a worker process claimed so far, from its log. */
  private static List<String> claimed(ServiceProcess worker) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(worker.log())) {
      int at = line.indexOf("Claimed run ");
      if (at >= 0) {
        ids.add(line.substring(at + "Claimed run ".length()).split(" ")[0]);
      }
    }
    return ids;
  }

  private static Optional<String> runningIn(WorkerGroup group, List<String> requestIds)
      throws Exception {
    for (String requestId : requestIds) {
      if ("RUNNING"
          .equals(
              group.query("select state from sync_run where request_id = '" + requestId + "'"))) {
        return Optional.of(requestId);
      }
    }
    return Optional.empty();
  }
}
