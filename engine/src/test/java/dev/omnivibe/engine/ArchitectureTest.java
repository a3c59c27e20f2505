package dev.omnivibe.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine stays headless and knows nothing of its clients. */
class ArchitectureTest {
  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.omnivibe.engine");
  }

  static final ArchRule NO_UI =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..")
          .because(
              "the engine runs headless (render nodes, CLI) and the UI adapts its events, not the reverse");

  static final ArchRule NO_HTTP =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
          .because(
              "the HTTP API is one client of the engine facade; the engine must not know about it");

  static final ArchRule ONE_WAY =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.omnivibe.app..", "dev.omnivibe.api..")
          .because("dependencies point one way: app -> embedded-api -> engine");

  static final ArchRule DOMAIN_AT_THE_BOTTOM =
      noClasses()
          .that()
          .resideInAnyPackage("dev.omnivibe.engine.job..", "dev.omnivibe.engine.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.omnivibe.engine.queue..",
              "dev.omnivibe.engine.monitor..",
              "dev.omnivibe.engine.render..",
              "dev.omnivibe.engine.ffmpeg..")
          .because(
              "jobs and stores are plain data and persistence; a second store adapter (Neo4j) must"
                  + " be writable without the queue, the renderer or FFmpeg");

  static final ArchRule FACADE_ON_TOP =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.omnivibe.engine")
          .and()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.omnivibe.engine")
          .because("the Engine facade wires the packages together; none of them may call back up");

  static final ArchRule ADAPTERS_ARE_CHOSEN_ONCE =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine..")
          .and()
          .resideOutsideOfPackages(
              "dev.omnivibe.engine",
              "dev.omnivibe.engine.adapters..",
              "dev.omnivibe.engine.studio..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.omnivibe.engine.adapters..")
          .because(
              "adapters (SQLite, Caffeine, Redis, Neo4j) are chosen in one place, the engine's"
                  + " assembly; the services and the domain see only the ports (Store, Cache), so an"
                  + " adapter can be added or replaced without touching them (the studio's Redis"
                  + " Streams transport is the one exception, see ADR 12)");

  static final ArchRule ADAPTERS_IMPLEMENT_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.omnivibe.engine.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.omnivibe.engine", "dev.omnivibe.engine.service..", "dev.omnivibe.engine.queue..")
          .because(
              "an adapter implements a port for a backend; it does not run jobs or call the"
                  + " services that use it");

  static final ArchRule SERVICES_BELOW_THE_FACADE =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.omnivibe.engine", "dev.omnivibe.engine.service..")
          .and()
          .resideInAPackage("dev.omnivibe.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.omnivibe.engine.service..")
          .because(
              "the application services (submissions, narration, the job handlers) use the"
                  + " domain packages; nothing below them may reach back up into them");

  @Test
  void adaptersAreChosenInOnePlace() {
    ADAPTERS_ARE_CHOSEN_ONCE.check(engine);
  }

  @Test
  void adaptersOnlyImplementPorts() {
    ADAPTERS_IMPLEMENT_PORTS.check(engine);
  }

  @Test
  void servicesSitBelowTheFacadeAndAboveTheDomain() {
    SERVICES_BELOW_THE_FACADE.check(engine);
  }

  @Test
  void domainAndStoreSitAtTheBottom() {
    DOMAIN_AT_THE_BOTTOM.check(engine);
  }

  @Test
  void onlyTheFacadeWiresPackagesTogether() {
    FACADE_ON_TOP.check(engine);
  }

  @Test
  void engineImportsNoJavaFx() {
    NO_UI.check(engine);
  }

  @Test
  void engineImportsNoHttp() {
    NO_HTTP.check(engine);
  }

  @Test
  void engineDoesNotDependOnItsClients() {
    ONE_WAY.check(engine);
  }

  @Test
  void theRulesCanFail() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                noClasses()
                    .that()
                    .resideInAPackage("dev.omnivibe.engine..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("java.nio..")
                    .check(engine))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.nio");
    org.assertj.core.api.Assertions.assertThat(engine.size()).isGreaterThan(50);
  }
}
