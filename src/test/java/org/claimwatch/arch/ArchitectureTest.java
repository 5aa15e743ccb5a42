package org.claimwatch.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between features (CONTRIBUTING, "How the code is laid out"), checked on the
 * compiled main classes: which feature may use which, no cycles, each feature's persistence (its
 * repositories and SQL) used only inside it, and controllers that only hand over to a service.
 * Micronaut's generated classes ($...) repeat their bean's dependencies and are left out. Which SQL
 * may name another feature's tables is {@link TableOwnershipTest}'s rule.
 */
class ArchitectureTest {
  private static final String ROOT = "org.claimwatch";

  /** Features from the bottom up: each may use only those before it, and no more than it needs. */
  private static final List<String> FEATURES =
      List.of(
          "system", "auth", "subject", "webhook", "claim", "extract", "report", "recheck", "review",
          "ui");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT)
          .that(not(nameMatching(".*\\.\\$.*")));

  @Test
  void features_use_only_the_features_below_them() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("system")
        .definedBy(ROOT + ".system..")
        .layer("auth")
        .definedBy(ROOT + ".auth..")
        .layer("subject")
        .definedBy(ROOT + ".subject..")
        .layer("webhook")
        .definedBy(ROOT + ".webhook..")
        .layer("claim")
        .definedBy(ROOT + ".claim..")
        .layer("extract")
        .definedBy(ROOT + ".extract..")
        .layer("report")
        .definedBy(ROOT + ".report..")
        .layer("recheck")
        .definedBy(ROOT + ".recheck..")
        .layer("review")
        .definedBy(ROOT + ".review..")
        .layer("ui")
        .definedBy(ROOT + ".ui..")
        .whereLayer("ui")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("review")
        .mayOnlyBeAccessedByLayers("ui")
        .whereLayer("recheck")
        .mayOnlyBeAccessedByLayers("review", "ui")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("recheck", "review", "ui")
        .whereLayer("extract")
        .mayOnlyBeAccessedByLayers("review", "ui")
        .whereLayer("claim")
        .mayOnlyBeAccessedByLayers("extract", "report", "recheck", "review", "ui")
        .whereLayer("webhook")
        .mayOnlyBeAccessedByLayers("claim", "report", "recheck", "review", "ui")
        .whereLayer("subject")
        .mayOnlyBeAccessedByLayers("claim", "extract", "report", "review", "ui")
        .whereLayer("auth")
        .mayOnlyBeAccessedByLayers(
            "subject", "webhook", "claim", "extract", "report", "recheck", "review", "ui")
        .check(MAIN);
  }

  @Test
  void features_depend_on_each_other_without_cycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void a_features_repositories_are_used_only_inside_it() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + "." + feature + "..")
          .should()
          .dependOnClassesThat(
              resideInAPackage(ROOT + "." + feature + "..")
                  .and(annotatedWith(JdbcRepository.class)))
          .because("a feature's tables are reached through its services and stores")
          .check(MAIN);
    }
  }

  @Test
  void controllers_hand_over_to_a_service_and_touch_no_database() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .should()
        .onlyDependOnClassesThat(
            not(assignableTo(JdbcOperations.class).or(annotatedWith(JdbcRepository.class))))
        .because("a controller reads the request and calls a service; SQL lives in stores")
        .check(MAIN);
  }

  @Test
  void every_class_belongs_to_a_feature() {
    classes()
        .that()
        .doNotHaveFullyQualifiedName(ROOT + ".Application")
        .should()
        .resideInAnyPackage(
            FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
        .check(MAIN);
  }
}
