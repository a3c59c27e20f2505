package dev.omnivibe.app.gui;

import dev.omnivibe.app.Settings;
import dev.omnivibe.app.gui.editor.EditorView;
import dev.omnivibe.app.gui.editor.EditorViewModel;
import dev.omnivibe.app.gui.encoders.EncodersView;
import dev.omnivibe.app.gui.encoders.EncodersViewModel;
import dev.omnivibe.app.gui.performance.PerformanceView;
import dev.omnivibe.app.gui.performance.PerformanceViewModel;
import dev.omnivibe.app.gui.preview.PreviewView;
import dev.omnivibe.app.gui.preview.PreviewViewModel;
import dev.omnivibe.app.gui.queue.JobRow;
import dev.omnivibe.app.gui.queue.QueueView;
import dev.omnivibe.app.gui.queue.QueueViewModel;
import dev.omnivibe.app.gui.settings.SettingsView;
import dev.omnivibe.app.gui.settings.SettingsViewModel;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.platform.AppDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The main window: one tab per view. It paints at once with placeholders; {@link #attach} fills the
 * tabs when the engine is ready.
 */
public final class MainWindow {
  private final Stage stage;
  private final AppDirs dirs;
  private final Consumer<Path> openInSystem;
  private final TabPane tabs = new TabPane();
  private final Label status = new Label("Starting the engine: opening the store, finding FFmpeg…");
  private final Scene scene;
  private final Tab queueTab = tab("Queue", "tab-queue");
  private final Tab editorTab = tab("New render", "tab-editor");
  private final Tab encodersTab = tab("Encoders", "tab-encoders");
  private final Tab performanceTab = tab("Performance", "tab-performance");
  private final Tab previewTab = tab("Preview", "tab-preview");
  private final Tab nodesTab = tab("Nodes", "tab-nodes");
  private final Tab settingsTab = tab("Settings", "tab-settings");
  private Settings settings;
  private Workbench bench;
  private EventMerger merger;
  private Timeline refresher;
  private QueueViewModel queue;
  private EditorViewModel editor;
  private EncodersViewModel encoders;
  private PerformanceViewModel performance;
  private PreviewViewModel preview;
  private SettingsViewModel settingsVm;
  private dev.omnivibe.app.gui.nodes.NodesViewModel nodes;

  /**
   * @param openInSystem opens a file or folder with the desktop's default program
   */
  public MainWindow(Stage stage, Settings settings, AppDirs dirs, Consumer<Path> openInSystem) {
    this.stage = stage;
    this.settings = settings;
    this.dirs = dirs;
    this.openInSystem = openInSystem;
    tabs.getTabs()
        .addAll(
            queueTab, editorTab, encodersTab, performanceTab, previewTab, nodesTab, settingsTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("main-tabs");
    status.setId("engine-status");
    HBox bar = new HBox(status);
    bar.getStyleClass().add("status-bar");
    BorderPane root = new BorderPane(tabs);
    root.setBottom(bar);
    scene = new Scene(root);
    Theme.apply(scene, settings.get("ui.theme").orElse("light"));
    stage.setTitle("OmniVibe Workstation");
    stage.getIcons().add(Theme.icon());
    stage.setScene(scene);
  }

  private static Tab tab(String title, String id) {
    ProgressIndicator spin = new ProgressIndicator();
    spin.setMaxSize(48, 48);
    VBox wait = new VBox(12, spin, new Label("Starting…"));
    wait.setAlignment(Pos.CENTER);
    Tab t = new Tab(title, wait);
    t.setId(id);
    return t;
  }

  public Scene scene() {
    return scene;
  }

  public Label status() {
    return status;
  }

  /** Shows an engine start failure; the window stays open so the user can fix the settings. */
  public void failed(Throwable e) {
    status.setText("The engine did not start: " + e.getMessage());
    status.getStyleClass().add("problem");
  }

  /** Fills the views from a running workbench. Call on the FX thread. */
  public void attach(Workbench workbench, Clock clock) {
    this.bench = workbench;
    Async async = Async.forFx();
    queue = new QueueViewModel(bench.engine(), async, clock);
    Path posters = dirs.cache().resolve("posters");
    preview =
        new PreviewViewModel(
            async,
            video ->
                bench
                    .engine()
                    .posterFrame(
                        video,
                        1.0,
                        1280,
                        posters.resolve(
                            video.getFileName().toString().replaceAll("\\.mp4$", "") + ".png")));
    editor = new EditorViewModel(bench.engine(), async);
    encoders =
        new EncodersViewModel(
            bench.engine(), async, settings.get("encoder").orElse(null), this::saveEncoderChoice);
    performance = new PerformanceViewModel(bench.engine(), async);
    settingsVm = new SettingsViewModel(bench, async, settings, dirs);
    editor.encoderProperty().bind(encoders.choiceProperty());
    editor.onSubmitted(j -> tabs.getSelectionModel().select(queueTab));
    queue.onFinished(this::notifyFinished);
    settingsVm.themeProperty().addListener((o, a, b) -> Theme.apply(scene, b));

    queueTab.setContent(new QueueView(queue, openInSystem, this::preview));
    editorTab.setContent(new EditorView(editor));
    encodersTab.setContent(new EncodersView(encoders));
    performanceTab.setContent(new PerformanceView(performance));
    previewTab.setContent(new PreviewView(preview, openInSystem));
    settingsTab.setContent(new SettingsView(settingsVm));
    nodes =
        new dev.omnivibe.app.gui.nodes.NodesViewModel(
            async,
            bench
                .studio()
                .map(
                    st ->
                        (java.util.function.Supplier<
                                java.util.List<dev.omnivibe.engine.studio.NodeInfo>>)
                            st::nodes)
                .orElse(null),
            bench.studioError().orElse(null));
    nodesTab.setContent(new dev.omnivibe.app.gui.nodes.NodesView(nodes));
    nodes.refresh();
    performanceTab.setOnSelectionChanged(
        e -> {
          if (performanceTab.isSelected()) {
            performance.load();
          }
        });

    merger = new EventMerger(async.uiExecutor(), java.time.Duration.ofMillis(100), queue::apply);
    bench.engine().queue().addListener(merger);
    queue.load();
    encoders.load(false);
    editor.validate();
    refresher =
        new Timeline(
            new KeyFrame(
                Duration.seconds(1),
                e -> {
                  queue.refresh();
                  if (nodesTab.isSelected()) {
                    nodes.refresh();
                  }
                }));
    refresher.setCycleCount(Timeline.INDEFINITE);
    refresher.play();
    status.setText(
        "Ready · data in "
            + bench.dataDir()
            + (bench.engine().recoveredAtStart() > 0
                ? " · resumed " + bench.engine().recoveredAtStart() + " interrupted job(s)"
                : "")
            + bench.api().map(a -> " · API on " + a.url()).orElse("")
            + bench.watchError().map(e -> " · watch folder off: " + e).orElse(""));
  }

  private void saveEncoderChoice(String choice) {
    Settings s = settings;
    Thread t =
        new Thread(
            () -> {
              try {
                settings = s.save(Map.of("encoder", "auto".equals(choice) ? "" : choice));
              } catch (IllegalStateException e) {
                javafx.application.Platform.runLater(() -> status.setText(e.getMessage()));
              }
            },
            "save-settings");
    t.setDaemon(true);
    t.start();
  }

  private void preview(JobRow row) {
    if (row == null) {
      return;
    }
    preview.show(row.nameProperty().get(), row.output());
    tabs.getSelectionModel().select(previewTab);
  }

  private void notifyFinished(JobRow row) {
    JobState s = row.stateProperty().get();
    Notifications n =
        Notifications.create()
            .owner(stage)
            .title(
                s == JobState.SUCCEEDED
                    ? "Render finished"
                    : "Render " + s.name().toLowerCase(java.util.Locale.ROOT))
            .text(
                row.nameProperty().get()
                    + (s == JobState.FAILED ? ": " + row.detailProperty().get() : ""))
            .hideAfter(Duration.seconds(6));
    if (s == JobState.SUCCEEDED) {
      n.onAction(e -> preview(row)).showInformation();
    } else if (s == JobState.FAILED) {
      n.showError();
    } else {
      n.showWarning();
    }
  }

  /** Opens a deck file in the editor (file association, drag onto the window). */
  public void openDeck(Path deck) {
    editor.load(deck);
    tabs.getSelectionModel().select(editorTab);
  }

  /** Shows the view whose tab has this id ({@code tab-queue}, {@code tab-editor}, …). */
  public void select(String tabId) {
    tabs.getTabs().stream()
        .filter(t -> tabId.equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  public TabPane tabs() {
    return tabs;
  }

  public QueueViewModel queue() {
    return queue;
  }

  public EditorViewModel editor() {
    return editor;
  }

  public EncodersViewModel encoders() {
    return encoders;
  }

  public PerformanceViewModel performance() {
    return performance;
  }

  public PreviewViewModel previewModel() {
    return preview;
  }

  public SettingsViewModel settings() {
    return settingsVm;
  }

  /** Stops the timers and listeners; the caller closes the workbench. */
  public void detach() {
    if (refresher != null) {
      refresher.stop();
    }
    if (merger != null) {
      bench.engine().queue().removeListener(merger);
      merger.close();
    }
  }
}
