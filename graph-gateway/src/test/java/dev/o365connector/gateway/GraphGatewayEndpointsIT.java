package dev.o365connector.gateway;

import dev.o365connector.testsupport.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GraphGatewayEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String[] expectedReadinessChecks() {
    return new String[] {"SmallRye Reactive Messaging - readiness check"};
  }
}
