package dev.o365connector.testsupport;

import dev.o365connector.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The module's packages depend on each other one way only. */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    PackageCycles.assertNoneIn("dev.o365connector.testsupport");
  }
}
