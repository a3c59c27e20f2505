package dev.omnivibe.app.gui.editor;

import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.deck.TransitionType;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One slide: thumbnail, duration, narration, transition, and the engine's complaint, if any. */
final class SlideCell extends ListCell<SlideItem> {
  private final ImageView thumb = new ImageView();
  private final Label file = new Label();
  private final TextField duration = new TextField();
  private final Label narration = new Label();
  private final TextField speak = new TextField();
  private final Button pickNarration = new Button("Narration…");
  private final Button clearNarration = new Button("✕");
  private final ChoiceBox<TransitionType> transition =
      new ChoiceBox<>(FXCollections.observableArrayList(TransitionType.values()));
  private final Spinner<Double> seconds = new Spinner<>(0.1, 5.0, 0.5, 0.1);
  private final Label problem = new Label();
  private final Button up = new Button("▲");
  private final Button down = new Button("▼");
  private final Button remove = new Button("Remove");
  private final VBox box;
  private SlideItem bound;

  SlideCell(EditorViewModel vm, java.util.function.Function<SlideItem, Path> chooseAudio) {
    thumb.setFitWidth(128);
    thumb.setFitHeight(72);
    thumb.setPreserveRatio(true);
    duration.setPrefColumnCount(6);
    duration.getStyleClass().add("slide-duration");
    seconds.setEditable(true);
    seconds.setPrefWidth(80);
    problem.getStyleClass().add("problem");
    problem.setWrapText(true);
    file.getStyleClass().add("slide-file");
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(4);
    form.addRow(0, new Label("Duration (s)"), duration);
    form.addRow(1, new Label("Narration"), new HBox(6, narration, pickNarration, clearNarration));
    speak.setPromptText("or type words for a local voice to speak");
    speak.setPrefColumnCount(24);
    speak.getStyleClass().add("slide-speech");
    form.addRow(2, new Label("Speak"), speak);
    form.addRow(3, new Label("Transition"), new HBox(6, transition, seconds));
    // A fixed box: thumbnails load in the background and must not shift the form when they land.
    javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(thumb);
    frame.setMinSize(128, 72);
    frame.setPrefSize(128, 72);
    frame.setMaxSize(128, 72);
    HBox row = new HBox(12, frame, new VBox(4, file, form), new VBox(4, up, down, remove));
    box = new VBox(4, row, problem);
    box.getStyleClass().add("slide-card");
    up.setOnAction(e -> vm.shift(getItem(), -1));
    down.setOnAction(e -> vm.shift(getItem(), 1));
    remove.setOnAction(e -> vm.remove(getItem()));
    pickNarration.setOnAction(
        e -> {
          Path p = chooseAudio.apply(getItem());
          if (p != null) {
            vm.setNarration(getItem(), p);
          }
        });
    clearNarration.setOnAction(e -> vm.setNarration(getItem(), null));
  }

  @Override
  protected void updateItem(SlideItem item, boolean empty) {
    super.updateItem(item, empty);
    if (bound != null) {
      duration.textProperty().unbindBidirectional(bound.durationProperty());
      transition.valueProperty().unbindBidirectional(bound.transitionProperty());
      speak.textProperty().unbindBidirectional(bound.narrationTextProperty());
      bound.transitionSecondsProperty().unbind();
      problem.textProperty().unbind();
      narration.textProperty().unbind();
      duration.promptTextProperty().unbind();
      bound = null;
    }
    if (empty || item == null) {
      setGraphic(null);
      return;
    }
    bound = item;
    setId("slide-" + getIndex());
    Path image = item.imageProperty().get();
    file.setText((getIndex() + 1) + ". " + image.getFileName());
    // Loaded at thumbnail size, in the background: a deck of 4K slides stays light.
    if (WebpThumbnail.isWebp(image)) {
      thumb.setImage(null);
      SlideItem shown = item;
      WebpThumbnail.load(image, 128, 72)
          .thenAccept(
              b ->
                  Platform.runLater(
                      () -> {
                        if (bound == shown) {
                          thumb.setImage(WebpThumbnail.toFx(b));
                        }
                      }));
    } else {
      thumb.setImage(new Image(image.toUri().toString(), 128, 72, true, true, true));
    }
    duration.textProperty().bindBidirectional(item.durationProperty());
    duration
        .promptTextProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    item.narrationProperty().get() == null
                            && item.narrationTextProperty().get().isBlank()
                        ? "seconds"
                        : "auto " + Formats.duration(item.resolvedSecondsProperty().get()),
                item.narrationProperty(),
                item.narrationTextProperty(),
                item.resolvedSecondsProperty()));
    narration
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    item.narrationProperty().get() == null
                        ? "none"
                        : item.narrationProperty().get().getFileName().toString(),
                item.narrationProperty()));
    transition.valueProperty().bindBidirectional(item.transitionProperty());
    speak.textProperty().bindBidirectional(item.narrationTextProperty());
    seconds.getValueFactory().setValue(item.transitionSecondsProperty().get());
    seconds
        .valueProperty()
        .addListener(new Updater(item, v -> item.transitionSecondsProperty().set(v)));
    problem.textProperty().bind(item.problemProperty());
    setGraphic(box);
  }

  /** Writes the spinner into the slide it was attached to, and only that one. */
  private final class Updater implements javafx.beans.value.ChangeListener<Double> {
    private final SlideItem owner;
    private final Consumer<Double> set;

    Updater(SlideItem owner, Consumer<Double> set) {
      this.owner = owner;
      this.set = set;
    }

    @Override
    public void changed(
        javafx.beans.value.ObservableValue<? extends Double> o, Double a, Double b) {
      if (bound != owner) {
        o.removeListener(this);
      } else if (b != null) {
        set.accept(b);
      }
    }
  }
}
