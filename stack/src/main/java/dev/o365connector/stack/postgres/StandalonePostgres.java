package dev.o365connector.stack.postgres;

import dev.o365connector.stack.infrastructure.DataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The stack's PostgreSQL: a real server from zonky's embedded binaries, run by this process (which
 * stops it on SIGTERM) with its cluster under a data directory, so it can be stopped and started
 * again on the same port with its data. A data directory that holds no complete cluster (a first
 * start was interrupted) is moved aside and a new cluster initialised.
 *
 * <pre>java -cp ... StandalonePostgres DATA_DIR PORT</pre>
 */
public final class StandalonePostgres {

  private StandalonePostgres() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path data = Path.of(args[0]).toAbsolutePath();
    if (!isCluster(data)) {
      DataDirectories.setAside(data)
          .ifPresent(
              aside ->
                  System.out.println(
                      "No complete cluster in "
                          + data
                          + " (an interrupted first start?): moved it to "
                          + aside
                          + ", initialising a new one"));
    }
    Files.createDirectories(data);
    PostgresBinaries.prepare();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(Integer.parseInt(args[1]))
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            .start();
    System.out.println("PostgreSQL ready on port " + postgres.getPort() + ", data in " + data);
    Thread.currentThread().join(); // zonky's shutdown hook stops the server with this process
  }

  /**
   * Whether initdb completed there. zonky skips initdb when it finds postgresql.conf alone, which
   * an interrupted initdb writes before the cluster exists.
   */
  private static boolean isCluster(Path data) {
    return Stream.of("PG_VERSION", "global/pg_control", "postgresql.conf")
        .allMatch(file -> Files.exists(data.resolve(file)));
  }
}
