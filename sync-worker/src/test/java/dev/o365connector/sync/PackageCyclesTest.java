package dev.o365connector.sync;

import dev.o365connector.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The module's packages depend on each other one way only. */
class PackageCyclesTest {

  @Test
  void noPackageCycles() {
    PackageCycles.assertNoneIn("dev.o365connector.sync");
  }
}
