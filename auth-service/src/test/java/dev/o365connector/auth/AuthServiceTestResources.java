package dev.o365connector.auth;

import dev.o365connector.testsupport.kafka.KafkaTestResource;
import dev.o365connector.testsupport.postgres.PostgresTestResource;
import dev.o365connector.testsupport.simulator.SimulatorTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real infrastructure every auth-service test runs against, declared once for the module
 * (global scope): Kafka, its own PostgreSQL database and the graph-simulator.
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(
    value = PostgresTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "auth_test"))
@WithTestResource(value = SimulatorTestResource.class, scope = TestResourceScope.GLOBAL)
public final class AuthServiceTestResources {

  private AuthServiceTestResources() {}
}
