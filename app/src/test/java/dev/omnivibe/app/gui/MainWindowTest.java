package dev.omnivibe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.Settings;
import dev.omnivibe.app.gui.queue.JobRow;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.platform.AppDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on headless Monocle, driving a real engine with a tiny deck: submit from the
 * editor, watch the job in the queue, preview it, and see the encoders and charts fill. One window
 * for the whole class (the steps build on each other, as a user's session does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {
  GuiFixture fx;
  Workbench bench;
  MainWindow window;
  final List<Path> opened = new CopyOnWriteArrayList<>();
  final FxRobot robot = new FxRobot();

  @BeforeAll
  void start() throws Exception {
    fx = GuiFixture.open();
    AppDirs dirs =
        new AppDirs(fx.dir.resolve("data"), fx.dir.resolve("cache"), fx.dir.resolve("config"));
    bench = new Workbench(fx.engine, new CaffeineCache(8 << 20), fx.dir.resolve("data"));
    Stage stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          window = new MainWindow(stage, Settings.load(dirs.config()), dirs, opened::add);
          stage.setWidth(1280);
          stage.setHeight(800);
          stage.show();
          window.attach(bench, Clock.systemUTC());
        });
  }

  @AfterAll
  void stop() throws Exception {
    FxToolkit.setupFixture(() -> window.detach());
    FxToolkit.cleanupStages();
    bench.close();
  }

  static void waitFor(String what, int seconds, Callable<Boolean> ok) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, ok);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    }
  }

  void select(String tabId) {
    robot.interact(() -> window.select(tabId));
  }

  @Test
  @Order(1)
  void submittingFromTheEditorRendersAndOffersAPreview() {
    select("tab-editor");
    // What a drop of three image files onto the slide list hands to the view-model.
    robot.interact(() -> window.editor().addImages(GuiFixture.images()));
    waitFor("slide cells", 10, () -> robot.lookup(".slide-duration").queryAll().size() == 3);
    for (var node : robot.lookup(".slide-duration").queryAllAs(TextField.class)) {
      robot.clickOn(node).write("1");
    }
    robot.doubleClickOn("#render-name").eraseText(20).write("Window test");
    waitFor(
        "the engine to accept the deck",
        20,
        () -> !robot.lookup("#submit-render").query().isDisabled());
    assertThat(robot.lookup("#render-estimate").queryAs(Label.class).getText())
        .contains("3 slides");

    // Hold the queue with the toolbar, so the row can be watched from its first state on.
    select("tab-queue");
    robot.clickOn("#pause-all");
    waitFor("the queues to pause", 10, () -> window.queue().pausedProperty().get());
    select("tab-editor");
    List<Double> progress = new CopyOnWriteArrayList<>();
    robot.clickOn("#submit-render");
    waitFor("the job in the queue", 10, () -> !window.queue().allRows().isEmpty());
    assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-queue");
    JobRow row = window.queue().allRows().get(0);
    assertThat(row.stateProperty().get()).isEqualTo(JobState.QUEUED);
    assertThat(row.nameProperty().get()).isEqualTo("Window test");
    row.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
    robot.clickOn("#pause-all"); // now "Resume all"
    waitFor("the render to finish", 60, () -> row.stateProperty().get() == JobState.SUCCEEDED);
    assertThat(progress).isNotEmpty().isSorted().last().isEqualTo(1.0);
    waitFor(
        "a completion notification",
        10,
        () -> robot.lookup(".notification-bar").tryQuery().isPresent());

    TableView<?> table = robot.lookup("#queue-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    robot.clickOn("#preview-job");
    assertThat(window.tabs().getSelectionModel().getSelectedItem().getId())
        .isEqualTo("tab-preview");
    String name = row.output().getFileName().toString();
    Label status = robot.lookup("#preview-status").queryAs(Label.class);
    try {
      waitFor(
          "the preview to load or explain",
          10,
          () -> status.getText().contains(name) && !status.getText().startsWith("Loading"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; status: " + status.getText(), e);
    }
    waitFor(
        "a still of the render", 10, () -> window.previewModel().posterProperty().get() != null);
    assertThat(window.previewModel().posterProperty().get()).isRegularFile();
    robot.clickOn("#preview-external");
    assertThat(opened).contains(row.output());
  }

  @Test
  @Order(2)
  void theEncodersViewListsTheRealProbe() {
    select("tab-encoders");
    TableView<?> table = robot.lookup("#encoder-table").queryAs(TableView.class);
    waitFor("probe results", 10, () -> !table.getItems().isEmpty());
    assertThat(table.getItems())
        .anySatisfy(
            e -> {
              EncoderStatus s = (EncoderStatus) e;
              assertThat(s.name()).isEqualTo("libx264");
              assertThat(s.usable()).isTrue();
            });
    assertThat(robot.lookup("#encoder-summary").queryAs(Label.class).getText()).contains("usable");
    // The probe result must not clear the user's choice (a bound choice box empties on setAll).
    assertThat(
            robot
                .lookup("#encoder-choice")
                .queryAs(javafx.scene.control.ChoiceBox.class)
                .getValue())
        .isEqualTo("auto");
    assertThat(window.editor().encoderProperty().get()).isEqualTo("auto");
  }

  @Test
  @Order(3)
  void theChartsFillAfterTheRender() {
    select("tab-performance");
    waitFor(
        "the render in the report",
        10,
        () ->
            window.performance().reportProperty().get() != null
                && window.performance().reportProperty().get().total().count() >= 1);
    assertThat(window.performance().percentiles().get(0).getData()).isNotEmpty();
    assertThat(robot.lookup("#kpi-success").queryAs(Label.class).getText()).isEqualTo("100.0 %");
    assertThat(robot.lookup("#latency-chart").tryQuery()).isPresent();
  }

  @Test
  @Order(4)
  void settingsStartTheApiAndShowItsToken() {
    select("tab-settings");
    robot.clickOn("#api-enabled");
    robot.doubleClickOn("#api-port").eraseText(6).write("0");
    robot.clickOn("#apply-settings");
    waitFor(
        "the API",
        10,
        () ->
            bench.api().isPresent()
                && robot
                    .lookup("#api-status")
                    .queryAs(Label.class)
                    .getText()
                    .startsWith("API on at http://127.0.0.1:"));
    Label token = robot.lookup("#api-token").queryAs(Label.class);
    assertThat(token.getText()).startsWith("•");
    robot.clickOn("#show-token");
    assertThat(token.getText()).isEqualTo(bench.api().orElseThrow().tokens().ownerToken());
  }

  @Test
  @Order(5)
  void aBadSettingIsNamedAndNotSaved() {
    select("tab-settings");
    robot.doubleClickOn("#api-port").eraseText(6).write("http");
    robot.clickOn("#apply-settings");
    waitFor("the error", 5, () -> !window.settings().errors().isEmpty());
    assertThat(window.settings().errors())
        .anySatisfy(e -> assertThat(e).startsWith("API port must be a whole number"));
    assertThat(bench.api()).isPresent();
  }

  @Test
  @Order(6)
  void theNodesViewSaysHowToJoinAStudio() {
    assertThat(window.tabs().getTabs())
        .extracting(t -> t.getId())
        .containsExactly(
            "tab-queue",
            "tab-editor",
            "tab-encoders",
            "tab-performance",
            "tab-preview",
            "tab-nodes",
            "tab-settings");
    select("tab-nodes");
    waitFor("the nodes view", 5, () -> robot.lookup("#nodes-view").tryQuery().isPresent());
    assertThat(robot.lookup("#nodes-summary").queryAs(Label.class).getText())
        .contains("Set a Redis URI in Settings");
  }
}
