package dev.o365connector.stack.postgres;

/**
 * A running PostgreSQL server and a role that may create databases.
 *
 * @param origin how it was provided: external, testcontainers or embedded
 */
public record PostgresServer(String host, int port, String user, String password, String origin) {

  /** JDBC URL of one database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Vert.x reactive client URL of one database on this server. */
  public String reactiveUrl(String database) {
    return "postgresql://" + host + ":" + port + "/" + database;
  }
}
