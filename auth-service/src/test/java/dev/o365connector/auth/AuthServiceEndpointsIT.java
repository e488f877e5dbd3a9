package dev.o365connector.auth;

import dev.o365connector.testsupport.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthServiceEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String[] expectedReadinessChecks() {
    return new String[] {
      "Reactive PostgreSQL connections health check",
      "SmallRye Reactive Messaging - readiness check"
    };
  }
}
