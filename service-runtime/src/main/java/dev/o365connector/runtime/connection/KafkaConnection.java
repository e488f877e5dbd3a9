package dev.o365connector.runtime.connection;

/**
 * The Kafka part of a service's {@code o365.connections} mapping. Not a mapping itself: each
 * service declares its own, extending the parts it needs, so a service is checked only for what it
 * uses.
 */
public interface KafkaConnection {

  /** Kafka brokers, {@code host:port[,host:port]}: env {@code KAFKA_BOOTSTRAP_SERVERS}. */
  String kafka();
}
