package dev.o365connector.testsupport.kafka;

import dev.o365connector.stack.kafka.KafkaServers;
import dev.o365connector.stack.kafka.TopicClient;

/**
 * What a test needs from the shared broker: send a record, wait for one to appear ({@link
 * TopicClient}). One client per JVM, like the broker; its producer's thread is a daemon, so nothing
 * needs closing.
 */
public final class KafkaTestClient extends TopicClient {

  private static KafkaTestClient shared;

  private KafkaTestClient(String bootstrapServers) {
    super(bootstrapServers);
  }

  /** The client of the JVM's shared broker ({@link KafkaServers#shared()}). */
  public static synchronized KafkaTestClient shared() {
    if (shared == null) {
      shared = new KafkaTestClient(KafkaServers.shared().bootstrapServers());
    }
    return shared;
  }

  /** A client of the broker at {@code bootstrapServers} (a running stack's, say). */
  public static KafkaTestClient of(String bootstrapServers) {
    return new KafkaTestClient(bootstrapServers);
  }
}
