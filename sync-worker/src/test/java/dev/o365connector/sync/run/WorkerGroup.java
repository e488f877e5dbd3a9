package dev.o365connector.sync.run;

import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import dev.o365connector.stack.postgres.PostgresDatabase;
import dev.o365connector.stack.postgres.PostgresServers;
import dev.o365connector.stack.services.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Packaged sync-worker processes forming a group of their own: their own database, request topic
 * and consumer groups, so this test JVM's in-process worker never takes part. One item per Graph
 * page and short leases make a sync long and a takeover quick.
 */
final class WorkerGroup {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private final String name;
  private final PostgresDatabase database;
  private final Map<String, String> env;

  WorkerGroup(String name) {
    this.name = name;
    this.database = PostgresServers.freshDatabase(name.replace('-', '_'));
    this.env = environment();
  }

  /** The topic the group reads sync requests from. */
  String requestTopic() {
    return "o365.sync.requests." + name;
  }

  ServiceProcess start(String member) {
    return ServiceProcess.start(
        "sync-worker " + member,
        JAR,
        env,
        Path.of("target", "sync-worker-" + name + "-" + member + ".log"));
  }

  /** Whether the group has heard of the installation (a request before that is rejected). */
  boolean knows(String installation) throws Exception {
    return !query("select count(*) from installation where id = '" + installation + "'")
        .equals("0");
  }

  /** How far the group got: its stored cursors, as count and latest write. */
  String progress() throws Exception {
    return query("select count(*) || '@' || coalesce(max(updated_at)::text, '') from sync_cursor");
  }

  /** The first column of the first row of {@code sql} against the group's database. */
  String query(String sql) throws Exception {
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

  private Map<String, String> environment() {
    Config config = ConfigProvider.getConfig();
    URI gateway = URI.create(config.getValue("o365.gateway.url", String.class));
    Topology topology =
        Topology.of(config.getValue("kafka.bootstrap.servers", String.class))
            .withAddress(Service.GRAPH_GATEWAY, gateway.getHost(), gateway.getPort())
            .withDatabase(Service.SYNC_WORKER, database.recipeDatabase())
            .withPlatform(
                config.getValue("o365.simulator.platform.issuer", String.class),
                Map.of(
                    "sync-worker",
                    config.getValue("o365.simulator.platform.sync-worker.secret", String.class)));
    // What every sync-worker gets (the recipe), then what makes these members a group of their own.
    Map<String, String> vars =
        new HashMap<>(ServiceRecipe.environment(Service.SYNC_WORKER, topology));
    vars.put("MP_MESSAGING_INCOMING_SYNC_REQUESTS_TOPIC", requestTopic());
    vars.put("MP_MESSAGING_INCOMING_SYNC_REQUESTS_GROUP_ID", name);
    vars.put("MP_MESSAGING_INCOMING_INSTALLATIONS_GROUP_ID", name + "-installations");
    vars.put("O365_SYNC_INITIAL_SYNC", "false");
    vars.put("O365_SYNC_PAGE_SIZE", "1");
    vars.put("O365_SYNC_LEASE", "PT3S");
    // Fewer run slots than the tests have runs: whichever member's partitions the requests land
    // on, it cannot hold them all, so the other member claims the rest.
    vars.put("O365_SYNC_MAX_CONCURRENT_RUNS", "2");
    vars.put("O365_SYNC_POLL_EVERY", "PT1S");
    return vars;
  }
}
