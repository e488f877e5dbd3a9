package dev.o365connector.gateway;

import dev.o365connector.testsupport.kafka.KafkaTestResource;
import dev.o365connector.testsupport.services.AuthServiceTestResource;
import dev.o365connector.testsupport.simulator.SimulatorTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real things every gateway test runs against, declared once for the module (global scope):
 * Kafka, the graph-simulator and the packaged auth-service as a process of its own.
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SimulatorTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AuthServiceTestResource.class, scope = TestResourceScope.GLOBAL)
public final class GatewayTestResources {

  private GatewayTestResources() {}
}
