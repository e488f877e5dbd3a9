package dev.o365connector.sync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The worker's packages depend on each other in one direction only; each sub-package (e.g. {@code
 * resource.mail}) is a slice of its own.
 */
class PackageCyclesTest {

  @Test
  void noPackageCycles() {
    JavaClasses worker =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.o365connector.sync");
    SlicesRuleDefinition.slices()
        .matching("dev.o365connector.sync.(**)")
        .should()
        .beFreeOfCycles()
        .check(worker);
  }
}
