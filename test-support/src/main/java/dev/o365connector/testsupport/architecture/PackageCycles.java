package dev.o365connector.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The check behind each service's {@code PackageCyclesTest}: below {@code root}, every package (a
 * sub-package counts as one of its own) depends on the others one way only. Main code only.
 */
public final class PackageCycles {

  private PackageCycles() {}

  /** Fails with ArchUnit's list of cycles, each dependency named, when there is one. */
  public static void assertNoneIn(String root) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);
    SlicesRuleDefinition.slices().matching(root + ".(**)").should().beFreeOfCycles().check(classes);
  }
}
