package dev.o365connector.runtime.connection;

import java.util.Optional;

/**
 * The database part of a service's {@code o365.connections} mapping (see {@link KafkaConnection}).
 */
public interface DatabaseConnection {

  /**
   * Reactive URL of the service's own database, built from env {@code DB_HOST}, {@code DB_PORT},
   * {@code DB_NAME}.
   */
  String database();

  /** Database role: env {@code DB_USER}. */
  String databaseUser();

  /**
   * Its password: env {@code DB_PASSWORD}, from a Secret. Required in production (the datasource
   * setting fails without it); empty only where the server trusts local connections (dev, tests).
   */
  Optional<String> databasePassword();
}
