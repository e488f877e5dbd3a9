package dev.o365connector.sync;

import dev.o365connector.devstack.kafka.KafkaTestResource;
import dev.o365connector.devstack.postgres.PostgresTestResource;
import dev.o365connector.devstack.quarkus.ServiceEndpointsContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "sync_test"))
class SyncWorkerEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String[] expectedReadinessChecks() {
    return new String[] {
      "Reactive PostgreSQL connections health check",
      "SmallRye Reactive Messaging - readiness check"
    };
  }
}
