package dev.o365connector.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** Each package of the simulator (sub-packages as slices of their own) is free of cycles. */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.o365connector.simulator");
    SlicesRuleDefinition.slices()
        .matching("dev.o365connector.simulator.(**)")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
