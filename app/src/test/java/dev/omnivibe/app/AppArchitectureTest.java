package dev.omnivibe.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app is a client of the engine's facade and of the API server, never of their insides. */
class AppArchitectureTest {
  private static JavaClasses app;

  @BeforeAll
  static void importApp() {
    app =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.omnivibe.app");
  }

  static final ArchRule ONLY_THE_FACADE_AND_MODEL =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.omnivibe.engine.service..",
              "dev.omnivibe.engine.adapters..",
              "dev.omnivibe.engine.payload..",
              "dev.omnivibe.engine.h264..",
              "dev.omnivibe.engine.mp4..")
          .because(
              "the app drives the engine through its facade (Engine, DirectRender, Caches) and"
                  + " reads its model packages; services, adapters and stored payloads may change"
                  + " without it noticing");

  static final ArchRule NO_ROUTES =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.omnivibe.api.routes..")
          .because(
              "route classes are the HTTP API's handlers; the app starts the server (ApiServer) and"
                  + " shares its JSON shapes (api.json), nothing more");

  static final ArchRule NO_QUEUE_INTERNALS =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.app..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.omnivibe.engine.queue.JobQueue")
          .because("the app steers jobs through Engine.queue(), never a queue of its own");

  @Test
  void appUsesOnlyTheEnginesFacadeAndModel() {
    ONLY_THE_FACADE_AND_MODEL.check(app);
  }

  @Test
  void appDoesNotUseRouteClasses() {
    NO_ROUTES.check(app);
  }

  @Test
  void appDoesNotBuildQueues() {
    NO_QUEUE_INTERNALS.check(app);
  }

  @Test
  void theRulesCanFail() {
    assertThatThrownBy(
            () ->
                noClasses()
                    .that()
                    .resideInAPackage("dev.omnivibe.app..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.omnivibe.engine")
                    .check(app))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.omnivibe.engine.Engine");
  }
}
