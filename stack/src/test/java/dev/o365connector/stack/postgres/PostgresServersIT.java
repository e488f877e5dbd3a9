package dev.o365connector.stack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServersIT {

  @Test
  void freshDatabaseAcceptsWritesAndReadsThemBack() throws SQLException {
    PostgresDatabase db = PostgresServers.freshDatabase("devstack_smoke_a");

    try (Connection c = connect(db);
        Statement sql = c.createStatement()) {
      sql.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(50))");
      sql.execute("INSERT INTO note VALUES (1, 'written')");
      try (ResultSet rs = sql.executeQuery("SELECT text FROM note WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("written");
      }
    }
  }

  @Test
  void eachModuleGetsItsOwnDatabase() throws SQLException {
    PostgresDatabase one = PostgresServers.freshDatabase("devstack_smoke_b");
    PostgresDatabase other = PostgresServers.freshDatabase("devstack_smoke_c");
    try (Connection c = connect(one);
        Statement sql = c.createStatement()) {
      sql.execute("CREATE TABLE only_in_b (id int)");
    }

    try (Connection c = connect(other);
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery("SELECT to_regclass('only_in_b') IS NULL")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("table of another database is invisible").isTrue();
    }
    assertThat(one.quarkusConfig())
        .containsEntry("quarkus.datasource.jdbc.url", one.server().jdbcUrl("devstack_smoke_b"))
        .containsKey("quarkus.datasource.reactive.url");
  }

  @Test
  void ensureDatabaseKeepsWhatIsAlreadyThere() throws SQLException {
    PostgresDatabase db = PostgresServers.freshDatabase("devstack_smoke_d");
    try (Connection c = connect(db);
        Statement sql = c.createStatement()) {
      sql.execute("CREATE TABLE kept (id int)");
    }

    PostgresServers.ensureDatabase("devstack_smoke_d");
    PostgresServers.ensureDatabase("devstack_smoke_e");

    try (Connection c = connect(db);
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery("SELECT to_regclass('kept') IS NOT NULL")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("existing table survives").isTrue();
    }
    try (Connection c = connect(new PostgresDatabase(db.server(), "devstack_smoke_e"))) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void refusesNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> PostgresServers.freshDatabase("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresServers.ensureDatabase("Robert'); --"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Connection connect(PostgresDatabase db) throws SQLException {
    PostgresServer s = db.server();
    return DriverManager.getConnection(s.jdbcUrl(db.name()), s.user(), s.password());
  }
}
