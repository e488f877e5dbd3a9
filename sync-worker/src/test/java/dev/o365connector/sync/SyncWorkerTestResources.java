package dev.o365connector.sync;

import dev.o365connector.testsupport.kafka.KafkaTestResource;
import dev.o365connector.testsupport.postgres.PostgresTestResource;
import dev.o365connector.testsupport.services.GatewayTestResource;
import dev.o365connector.testsupport.simulator.SimulatorTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real things every sync-worker test runs against, declared once for the module (global scope):
 * Kafka, its own PostgreSQL database, the graph-simulator, and the packaged graph-gateway and
 * auth-service as processes of their own.
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(
    value = PostgresTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "sync_test"))
@WithTestResource(value = SimulatorTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
public final class SyncWorkerTestResources {

  private SyncWorkerTestResources() {}
}
