package dev.o365connector.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The gateway's packages (each sub-package a slice of its own) depend on each other one way. */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.o365connector.gateway");

    SlicesRuleDefinition.slices()
        .matching("dev.o365connector.gateway.(**)")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
