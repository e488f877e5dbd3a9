package dev.o365connector.sync.run;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import dev.o365connector.devstack.postgres.PostgresDatabase;
import dev.o365connector.devstack.postgres.PostgresServers;
import dev.o365connector.devstack.services.ServiceProcess;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.InstallationDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The packaged worker, as a process of its own, killed with SIGKILL at random moments of a
 * many-page sync (one item per page) and restarted each time: the run still ends SUCCEEDED, and
 * what its change events add up to equals the simulator's ground truth. The process has its own
 * database, request topic and consumer groups, so this test JVM's own worker never helps it.
 */
@QuarkusTest
class CrashSafetyIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final String REQUESTS = "o365.sync.requests.crash-test";
  private static final int KILLS = 5;

  @Inject InstallationDirectory directory;

  private final Syncs syncs = new Syncs();
  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void killedAtRandomFiveTimesTheRunStillEndsWithNothingLost() throws Exception {
    String installation = syncs.applicationInstall(directory);
    PostgresDatabase database = PostgresServers.freshDatabase("sync_crash");
    Map<String, String> env = environment(database);
    Random random = new Random();
    ServiceProcess worker = start(env, 0);

    // The process learns installations from o365.installations; a request before that is rejected.
    await().atMost(Syncs.WAIT).until(() -> knows(database, installation));
    String requestId = "crash-" + UUID.randomUUID();
    kafka.send(
        REQUESTS,
        installation,
        new JsonObject()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("resources", new JsonArray().add("users").add("files"))
            .put("mode", "FULL")
            .encode());
    for (int kill = 1; kill <= KILLS; kill++) {
      // Kill only once this generation stored a page of its own, then at a random moment after.
      String before = progress(database);
      await().atMost(Syncs.WAIT).until(() -> !progress(database).equals(before));
      Thread.sleep(random.nextInt(250));
      worker.kill();
      worker = start(env, kill);
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
      assertThat(liveOf(USERS, installation, requestId)).isEqualTo(syncs.truth(USERS));
      assertThat(liveOf(FILES, installation, requestId)).isEqualTo(syncs.truth(FILES));
    } finally {
      worker.close();
    }
  }

  /** What the run's own events add up to, replayed in order per key. */
  private Set<String> liveOf(Resource resource, String installation, String requestId) {
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

  private static ServiceProcess start(Map<String, String> env, int generation) {
    return ServiceProcess.start(
        "sync-worker", JAR, env, Path.of("target", "sync-worker-crash-" + generation + ".log"));
  }

  private static boolean knows(PostgresDatabase database, String installation) throws Exception {
    return !query(database, "select count(*) from installation where id = '" + installation + "'")
        .equals("0");
  }

  /** How far the process got: its stored cursors, as count and latest write. */
  private static String progress(PostgresDatabase database) throws Exception {
    return query(
        database, "select count(*) || '@' || coalesce(max(updated_at)::text, '') from sync_cursor");
  }

  private static String query(PostgresDatabase database, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                database.server().jdbcUrl(database.name()),
                database.server().user(),
                database.server().password());
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Map<String, String> environment(PostgresDatabase database) {
    Config config = ConfigProvider.getConfig();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", config.getValue("kafka.bootstrap.servers", String.class));
    env.put("DB_HOST", database.server().host());
    env.put("DB_PORT", Integer.toString(database.server().port()));
    env.put("DB_NAME", database.name());
    env.put("DB_USER", database.server().user());
    String password = database.server().password();
    env.put("DB_PASSWORD", password == null || password.isEmpty() ? "unused" : password);
    env.put("O365_GATEWAY_URL", config.getValue("o365.gateway.url", String.class));
    env.put(
        "O365_PLATFORM_ISSUER", config.getValue("o365.simulator.platform.issuer", String.class));
    env.put(
        "O365_PLATFORM_CLIENT_SECRET",
        config.getValue("o365.simulator.platform.sync-worker.secret", String.class));
    env.put("MP_MESSAGING_INCOMING_SYNC_REQUESTS_TOPIC", REQUESTS);
    env.put("MP_MESSAGING_INCOMING_SYNC_REQUESTS_GROUP_ID", "sync-crash-test");
    env.put("MP_MESSAGING_INCOMING_INSTALLATIONS_GROUP_ID", "sync-crash-test-installations");
    env.put("O365_SYNC_INITIAL_SYNC", "false");
    env.put("O365_SYNC_PAGE_SIZE", "1");
    env.put("O365_SYNC_LEASE", "PT3S");
    env.put("O365_SYNC_POLL_EVERY", "PT1S");
    return env;
  }
}
