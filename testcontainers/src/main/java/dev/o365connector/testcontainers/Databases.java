package dev.o365connector.testcontainers;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One database per service that has one, each owned by a role of its own with a fresh password, as
 * production runs them; created by the PostgreSQL image's init script before it reports ready.
 */
final class Databases {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PASSWORD = Pattern.compile("[0-9a-f]+");

  private Databases() {}

  /**
   * auth-service's {@code o365_auth} and sync-worker's {@code o365_sync}, the services' defaults.
   */
  static Map<ConnectorService, DatabaseLogin> fresh(SecureRandom random) {
    Map<ConnectorService, DatabaseLogin> logins = new EnumMap<>(ConnectorService.class);
    logins.put(ConnectorService.AUTH_SERVICE, login("o365_auth", random));
    logins.put(ConnectorService.SYNC_WORKER, login("o365_sync", random));
    return logins;
  }

  private static DatabaseLogin login(String name, SecureRandom random) {
    byte[] password = new byte[24];
    random.nextBytes(password);
    return new DatabaseLogin(name, name, HexFormat.of().formatHex(password));
  }

  /** SQL for {@code /docker-entrypoint-initdb.d}: a role and a database it owns, per login. */
  static String initScript(Collection<DatabaseLogin> logins) {
    StringBuilder sql = new StringBuilder();
    for (DatabaseLogin login : logins) {
      // Names and passwords are ours, but checked anyway: they are spliced into SQL.
      require(IDENTIFIER, login.user());
      require(IDENTIFIER, login.database());
      require(PASSWORD, login.password());
      sql.append("CREATE ROLE ")
          .append(login.user())
          .append(" LOGIN PASSWORD '")
          .append(login.password())
          .append("';\n")
          .append("CREATE DATABASE ")
          .append(login.database())
          .append(" OWNER ")
          .append(login.user())
          .append(";\n");
    }
    return sql.toString();
  }

  private static void require(Pattern pattern, String value) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("not usable in the init script: " + value);
    }
  }
}
