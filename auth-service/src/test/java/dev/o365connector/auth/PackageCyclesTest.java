package dev.o365connector.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * auth-service's packages depend on each other one way only (each sub-package a slice of its own),
 * so a feature can be read, tested and changed without the ones that use it.
 */
class PackageCyclesTest {

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.o365connector.auth");
    SlicesRuleDefinition.slices()
        .matching("dev.o365connector.auth.(**)")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
