package dev.omnivibe.app.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Views forward, view-models hold state: the split that lets the view-models be unit-tested. */
class GuiArchitectureTest {
  private static JavaClasses gui;

  @BeforeAll
  static void importGui() {
    gui =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.omnivibe.app.gui");
  }

  static final ArchRule VIEW_MODELS_HAVE_NO_CONTROLS =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx.scene.control..",
              "javafx.scene.layout..",
              "javafx.stage..",
              "javafx.scene.media..")
          .because(
              "view-models hold observable state and run in plain unit tests, without a window or toolkit");

  static final ArchRule VIEWS_DO_NOT_CALL_THE_ENGINE =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("View")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.omnivibe.engine", "dev.omnivibe.engine.queue..", "dev.omnivibe.engine.store..")
          .because(
              "views only forward events to their view-model, which makes the engine calls off the FX thread");

  @Test
  void viewModelsHaveNoControls() {
    VIEW_MODELS_HAVE_NO_CONTROLS.check(gui);
  }

  @Test
  void viewsDoNotCallTheEngine() {
    VIEWS_DO_NOT_CALL_THE_ENGINE.check(gui);
  }
}
