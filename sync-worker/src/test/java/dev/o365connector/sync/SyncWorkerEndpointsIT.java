package dev.o365connector.sync;

import dev.o365connector.testsupport.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SyncWorkerEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String[] expectedReadinessChecks() {
    return new String[] {
      "Reactive PostgreSQL connections health check",
      "SmallRye Reactive Messaging - readiness check"
    };
  }
}
