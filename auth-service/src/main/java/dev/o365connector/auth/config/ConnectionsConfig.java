package dev.o365connector.auth.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * What auth-service needs from its environment, bound to the settings Quarkus itself reads.
 * Unremovable so that it is always validated: a missing variable stops start-up with one line
 * naming it ({@code SRCFG00011: Could not expand value KAFKA_BOOTSTRAP_SERVERS ...}) instead of a
 * client's connection error.
 */
@Unremovable
@ConfigMapping(prefix = "o365.connections")
public interface ConnectionsConfig {

  /** Kafka brokers, {@code host:port[,host:port]}: env {@code KAFKA_BOOTSTRAP_SERVERS}. */
  String kafka();

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
