package dev.o365connector.devstack;

import dev.o365connector.devstack.kafka.KafkaEndpoint;
import dev.o365connector.devstack.kafka.KafkaServers;
import dev.o365connector.devstack.postgres.PostgresServer;
import dev.o365connector.devstack.postgres.PostgresServers;
import java.util.List;

/**
 * Starts Kafka and PostgreSQL the way tests get them (external, Testcontainers or embedded), makes
 * sure the services' databases exist, prints the services' environment in dotenv format and keeps
 * both up until the process is stopped. For benchmarks and running services by hand:
 *
 * <pre>./mvnw -q -pl :devstack exec:java</pre>
 */
public final class LocalInfrastructure {

  /** The databases of the services that own data. */
  public static final List<String> SERVICE_DATABASES = List.of("o365_auth", "o365_sync");

  private LocalInfrastructure() {}

  public static void main(String[] args) throws InterruptedException {
    KafkaEndpoint kafka = KafkaServers.shared();
    PostgresServer postgres = PostgresServers.shared();
    SERVICE_DATABASES.forEach(PostgresServers::ensureDatabase);
    System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
    System.out.println("DB_HOST=" + postgres.host());
    System.out.println("DB_PORT=" + postgres.port());
    System.out.println("DB_USER=" + postgres.user());
    System.out.println("DB_PASSWORD=" + postgres.password());
    System.out.println("# ready; stop with Ctrl-C");
    System.out.flush();
    Thread.currentThread().join();
  }
}
