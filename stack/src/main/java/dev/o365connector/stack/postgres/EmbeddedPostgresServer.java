package dev.o365connector.stack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/** A real PostgreSQL server process from zonky's embedded binaries, on a free port. */
final class EmbeddedPostgresServer {

  private EmbeddedPostgresServer() {}

  static PostgresServer start() {
    try {
      PostgresBinaries.prepare();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              // Durability is pointless for throw-away test data; these make tests faster.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      return new PostgresServer(
          "localhost", postgres.getPort(), "postgres", "", "embedded PostgreSQL (zonky)");
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
    }
  }
}
