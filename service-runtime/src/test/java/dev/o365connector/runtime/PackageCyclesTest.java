package dev.o365connector.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** Each feature package of the runtime stands on its own: no two depend on each other in a loop. */
class PackageCyclesTest {

  @Test
  void featurePackagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.o365connector.runtime");
    SlicesRuleDefinition.slices()
        .matching("dev.o365connector.runtime.(**)")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
