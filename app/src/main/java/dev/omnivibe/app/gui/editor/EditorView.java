package dev.omnivibe.app.gui.editor;

import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.job.QueueName;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** The new-render editor. Forwards to {@link EditorViewModel}; validation waits for a pause. */
public final class EditorView extends BorderPane {
  private final EditorViewModel vm;

  public EditorView(EditorViewModel vm) {
    this.vm = vm;
    setId("editor-view");
    ListView<SlideItem> list = new ListView<>(vm.slides());
    list.setId("slide-list");
    list.setCellFactory(l -> new SlideCell(vm, this::chooseAudio));
    list.setPlaceholder(new Label("Drop slide images (PNG, JPEG, WebP) or a deck .json here"));
    list.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    list.setOnDragDropped(
        e -> {
          List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
          if (files.size() == 1 && files.get(0).toString().endsWith(".json")) {
            vm.load(files.get(0));
          } else {
            vm.addImages(files);
          }
          e.setDropCompleted(true);
          e.consume();
        });

    PauseTransition settle = new PauseTransition(Duration.millis(350));
    settle.setOnFinished(e -> vm.validate());
    InvalidationListener later = o -> settle.playFromStart();
    vm.slides().addListener(later);
    vm.resolutionProperty().addListener(later);
    vm.fpsProperty().addListener(later);

    TextField name = new TextField();
    name.setId("render-name");
    name.textProperty().bindBidirectional(vm.nameProperty());
    ChoiceBox<Resolution> resolution =
        new ChoiceBox<>(FXCollections.observableArrayList(Resolution.CHOICES));
    resolution.valueProperty().bindBidirectional(vm.resolutionProperty());
    ChoiceBox<Integer> fps = new ChoiceBox<>(FXCollections.observableArrayList(24, 25, 30, 50, 60));
    fps.setValue(vm.fpsProperty().get());
    fps.valueProperty().addListener((o, a, b) -> vm.fpsProperty().set(b));
    vm.fpsProperty().addListener((o, a, b) -> fps.setValue(b.intValue()));
    ChoiceBox<Quality> quality =
        new ChoiceBox<>(FXCollections.observableArrayList(Quality.values()));
    quality.valueProperty().bindBidirectional(vm.qualityProperty());
    Spinner<Integer> priority = new Spinner<>(0, 9, vm.priorityProperty().get());
    priority.setId("render-priority");
    priority.setTooltip(new javafx.scene.control.Tooltip("0-9; jobs with priority 9 run first"));
    priority.valueProperty().addListener((o, a, b) -> vm.priorityProperty().set(b));
    ChoiceBox<QueueName> queue =
        new ChoiceBox<>(FXCollections.observableArrayList(QueueName.values()));
    queue.valueProperty().bindBidirectional(vm.queueProperty());
    Label encoder = new Label();
    encoder.textProperty().bind(vm.encoderProperty());

    GridPane form = new GridPane();
    form.getStyleClass().add("form");
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("Name"), name);
    form.addRow(1, new Label("Resolution"), resolution);
    form.addRow(2, new Label("Frame rate"), fps);
    form.addRow(3, new Label("Quality"), quality);
    form.addRow(4, new Label("Priority"), priority);
    form.addRow(5, new Label("Queue"), queue);
    form.addRow(6, new Label("Encoder"), encoder);

    Label estimate = new Label();
    estimate.setId("render-estimate");
    estimate.setWrapText(true);
    estimate.textProperty().bind(vm.estimateProperty());
    ListView<String> problems = new ListView<>(vm.problems());
    problems.setId("deck-problems");
    problems.getStyleClass().add("problems");
    problems.setPrefHeight(140);
    Label message = new Label();
    message.setId("editor-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    Button render = new Button("Render");
    render.setId("submit-render");
    render.setDefaultButton(true);
    render.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
    render.setOnAction(e -> vm.submit());
    Button add = new Button("Add images…");
    add.setId("add-images");
    add.setOnAction(e -> chooseImages());
    Button open = new Button("Open deck…");
    open.setOnAction(e -> openDeck());
    Button save = new Button("Save deck…");
    save.setOnAction(e -> saveDeck());

    VBox side =
        new VBox(
            12,
            form,
            new Label("Estimate"),
            estimate,
            new Label("Problems"),
            problems,
            message,
            render);
    side.getStyleClass().add("side-panel");
    side.setPrefWidth(360);
    setTop(new HBox(8, add, open, save));
    getTop().getStyleClass().add("tool-row");
    setCenter(list);
    setRight(side);
  }

  private void chooseImages() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Add slide images");
    fc.getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.webp"));
    List<File> files = fc.showOpenMultipleDialog(getScene().getWindow());
    if (files != null) {
      vm.addImages(files.stream().map(File::toPath).toList());
    }
  }

  private Path chooseAudio(SlideItem slide) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Narration for this slide");
    fc.getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter("Audio", "*.wav", "*.mp3", "*.m4a", "*.ogg", "*.flac"));
    File f = fc.showOpenDialog(getScene().getWindow());
    return f == null ? null : f.toPath();
  }

  private void openDeck() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Open deck");
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Decks", "*.json", "*.omnivibe"));
    File f = fc.showOpenDialog(getScene().getWindow());
    if (f != null) {
      vm.load(f.toPath());
    }
  }

  private void saveDeck() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Save deck");
    fc.setInitialFileName("deck.json");
    File f = fc.showSaveDialog(getScene().getWindow());
    if (f != null) {
      vm.save(f.toPath());
    }
  }
}
