package dev.o365connector.sync.run;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.stack.services.ServiceProcess;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The packaged worker, as a process of its own, killed with SIGKILL at random moments of a
 * many-page sync (one item per page) and restarted each time: the run still ends SUCCEEDED, and
 * what its change events add up to equals the simulator's ground truth. The process has its own
 * database, request topic and consumer groups, so this test JVM's own worker never helps it.
 */
@QuarkusTest
class CrashSafetyIT {

  private static final int KILLS = 5;

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();
  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void killedAtRandomFiveTimesTheRunStillEndsWithNothingLost() throws Exception {
    String installation = syncs.applicationInstall(installations);
    WorkerGroup group = new WorkerGroup("crash-test");
    Random random = new Random();
    ServiceProcess worker = group.start("0");

    // The process learns installations from o365.installations; a request before that is rejected.
    await().atMost(Syncs.WAIT).until(() -> group.knows(installation));
    String requestId = "crash-" + UUID.randomUUID();
    kafka.send(
        group.requestTopic(),
        installation,
        new JsonObject()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("resources", new JsonArray().add("users").add("mail").add("calendar").add("files"))
            .put("mode", "FULL")
            .encode());
    for (int kill = 1; kill <= KILLS; kill++) {
      // Kill only once this generation stored a page of its own, then at a random moment after.
      String before = group.progress();
      await().atMost(Syncs.WAIT).until(() -> !group.progress().equals(before));
      Thread.sleep(random.nextInt(250));
      worker.kill();
      worker = group.start(Integer.toString(kill));
    }
    try {
      JsonObject status = syncs.finalStatus(requestId);
      assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
      // Every generation, the killed ones included, took the run over and worked on it.
      assertThat(
              kafka
                  .readAll(
                      Topics.SYNC_STATUS,
                      r -> r.value().contains(requestId) && r.value().contains("\"RUNNING\""))
                  .size())
          .isGreaterThanOrEqualTo(KILLS + 1);
      assertThat(liveOf(syncs, USERS, installation, requestId)).isEqualTo(syncs.truth(USERS));
      assertThat(liveOf(syncs, MAIL, installation, requestId)).isEqualTo(syncs.truth(MAIL));
      assertThat(liveOf(syncs, CALENDAR, installation, requestId))
          .isEqualTo(syncs.truth(CALENDAR, Syncs.calendarWindow(30, 365), e -> true));
      assertThat(liveOf(syncs, FILES, installation, requestId)).isEqualTo(syncs.truth(FILES));
    } finally {
      worker.close();
    }
  }

  /** What one run's own events add up to, replayed in order per key. */
  static Set<String> liveOf(Syncs syncs, Resource resource, String installation, String requestId) {
    Set<String> live = new HashSet<>();
    Set<String> deletedByRun = new HashSet<>();
    for (ConsumerRecord<String, String> record : syncs.changes(resource, installation)) {
      if (record.value() == null) {
        continue;
      }
      JsonObject event = new JsonObject(record.value());
      if (!requestId.equals(event.getString("syncRequestId"))) {
        continue;
      }
      if ("UPSERT".equals(event.getString("op"))) {
        live.add(event.getString("objectId"));
      } else if ("DELETE".equals(event.getString("op"))) {
        deletedByRun.add(event.getString("objectId"));
      }
    }
    live.removeAll(deletedByRun);
    return live;
  }
}
