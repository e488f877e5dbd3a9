package dev.o365connector.testcontainers;

/** Where the infrastructure containers are reached inside the stack's network. */
final class StackNetwork {

  static final String KAFKA_ALIAS = "kafka";

  /** The broker's listener for the other containers (the host gets a mapped one). */
  static final int KAFKA_INTERNAL_PORT = 19092;

  static final String KAFKA_BOOTSTRAP = KAFKA_ALIAS + ":" + KAFKA_INTERNAL_PORT;

  static final String POSTGRES_ALIAS = "postgres";

  static final int POSTGRES_PORT = 5432;

  private StackNetwork() {}
}
