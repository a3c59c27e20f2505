package dev.omnivibe.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API is a client of the engine facade, not of its insides. */
class ApiArchitectureTest {
  private static JavaClasses api;

  @BeforeAll
  static void importApi() {
    api =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.omnivibe.api");
  }

  static final ArchRule FACADE_ONLY =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.api..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.omnivibe.engine.queue.JobQueue")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.omnivibe.engine.render..",
              "dev.omnivibe.engine.h264..",
              "dev.omnivibe.engine.mp4..",
              "dev.omnivibe.engine.service..",
              "dev.omnivibe.engine.adapters..",
              "dev.omnivibe.engine.payload..")
          .because(
              "the API drives renders through the Engine facade only, so the desktop app and the"
                  + " API cannot disagree about how a job is queued, run or stored");

  static final ArchRule NO_UI =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "dev.omnivibe.app..")
          .because("the API runs in headless render nodes; the app depends on it, not the reverse");

  @Test
  void usesTheEngineThroughItsFacade() {
    FACADE_ONLY.check(api);
  }

  @Test
  void knowsNothingOfTheDesktopApp() {
    NO_UI.check(api);
  }

  @Test
  void theRulesCanFail() {
    assertThatThrownBy(
            () ->
                noClasses()
                    .that()
                    .resideInAPackage("dev.omnivibe.api..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.javalin..")
                    .check(api))
        .isInstanceOf(AssertionError.class);
  }
}
