package dev.o365connector.devstack.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stack's PostgreSQL: a real server from zonky's embedded binaries, run by this process (which
 * stops it on SIGTERM) with its cluster under a data directory, so it can be stopped and started
 * again on the same port with its data.
 *
 * <pre>java -cp ... StandalonePostgres DATA_DIR PORT</pre>
 */
public final class StandalonePostgres {

  private StandalonePostgres() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path data = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
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
}
