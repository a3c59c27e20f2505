package dev.omnivibe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The window's size, place and view survive a restart; a damaged layout file costs only the layout.
 */
class WindowStateTest {
  @TempDir Path config;

  @AfterEach
  void cleanup() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void sizePlaceAndTabComeBack() throws Exception {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          Stage s = new Stage();
          s.setX(40);
          s.setY(30);
          s.setWidth(900);
          s.setHeight(640);
          WindowState state = new WindowState(config);
          state.remember(s, 3);
          state.save();
        });
    AtomicReference<double[]> got = new AtomicReference<>();
    WindowState again = new WindowState(config);
    FxToolkit.setupFixture(
        () -> {
          Stage s = new Stage();
          again.restore(s);
          got.set(new double[] {s.getX(), s.getY(), s.getWidth(), s.getHeight()});
        });
    assertThat(got.get()).containsExactly(40, 30, 900, 640);
    assertThat(again.tab()).isEqualTo(3);
  }

  @Test
  void aDamagedFileFallsBackToTheDefaults() throws Exception {
    Files.writeString(config.resolve("window.properties"), "width=\\u00zz\nheight=abc\n");
    WindowState state = new WindowState(config);
    assertThat(state.tab()).isZero();
    AtomicReference<Double> width = new AtomicReference<>();
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          Stage s = new Stage();
          state.restore(s);
          width.set(s.getWidth());
        });
    assertThat(width.get()).isEqualTo(1180);
  }
}
