package dev.omnivibe.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "dev.omnivibe.engine",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineHasNoUi =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..")
          .because(
              "the engine runs headless (render nodes, CLI) and the UI adapts its events, not the reverse");

  @ArchTest
  static final ArchRule engineHasNoHttp =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
          .because(
              "the HTTP API is one client of the engine facade; the engine must not know about it");

  @ArchTest
  static final ArchRule engineDoesNotReachIntoTheApps =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.omnivibe.app..", "dev.omnivibe.api..")
          .because("dependencies point one way: app -> embedded-api -> engine");
}
