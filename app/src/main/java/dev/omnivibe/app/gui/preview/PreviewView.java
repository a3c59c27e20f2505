package dev.omnivibe.app.gui.preview;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;

/** Plays a finished render, or says clearly why it cannot and offers the system player. */
public final class PreviewView extends BorderPane {
  private final PreviewViewModel vm;
  private final MediaView media = new MediaView();
  private static final Duration STARTUP_LIMIT = Duration.seconds(5);
  private MediaPlayer player;

  public PreviewView(PreviewViewModel vm, Consumer<Path> openInSystem) {
    this.vm = vm;
    setId("preview-view");
    Label title = new Label();
    title.getStyleClass().add("preview-title");
    title.textProperty().bind(vm.titleProperty());
    Button play = new Button();
    play.setId("preview-play");
    play.textProperty()
        .bind(Bindings.when(vm.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
    play.disableProperty().bind(vm.fileProperty().isNull().or(vm.failedProperty()));
    play.setOnAction(e -> toggle());
    Button external = new Button("Open in system player");
    external.setId("preview-external");
    external.disableProperty().bind(vm.fileProperty().isNull());
    external.setOnAction(e -> openInSystem.accept(vm.fileProperty().get()));
    setTop(new ToolBar(title, play, external));
    Label status = new Label();
    status.setId("preview-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    media.setPreserveRatio(true);
    ImageView still = new ImageView();
    still.setPreserveRatio(true);
    still.setId("preview-poster");
    still.visibleProperty().bind(vm.playingProperty().not());
    vm.posterProperty()
        .addListener(
            (o, a, p) -> still.setImage(p == null ? null : new Image(p.toUri().toString(), true)));
    StackPane stage = new StackPane(still, media);
    still.fitWidthProperty().bind(stage.widthProperty());
    still.fitHeightProperty().bind(stage.heightProperty());
    stage.getStyleClass().add("preview-stage");
    media.fitWidthProperty().bind(stage.widthProperty());
    media.fitHeightProperty().bind(stage.heightProperty());
    setCenter(stage);
    status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    status.setMaxWidth(Double.MAX_VALUE);
    // A VBox hands the label its width, so the wrapped message gets the lines it needs.
    javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(status);
    bottom.getStyleClass().add("footer");
    // Room for the two lines the failure message takes at the default window size.
    bottom.setMinHeight(58);
    setBottom(bottom);
    vm.fileProperty().addListener((o, a, f) -> load(f));
  }

  private void load(Path file) {
    if (player != null) {
      player.dispose();
      player = null;
    }
    media.setMediaPlayer(null);
    if (file == null) {
      return;
    }
    try {
      Media m = new Media(file.toUri().toString());
      MediaPlayer p = new MediaPlayer(m);
      p.setOnError(
          () -> vm.playbackFailed(p.getError() == null ? null : p.getError().getMessage()));
      m.setOnError(
          () -> vm.playbackFailed(m.getError() == null ? null : m.getError().getMessage()));
      p.setOnReady(() -> vm.ready(m.getDuration().toSeconds()));
      p.setOnEndOfMedia(() -> vm.setPlaying(false));
      player = p;
      media.setMediaPlayer(p);
      // Without an audio device or decoder the player can stay silent for ever: give up visibly.
      PauseTransition watchdog = new PauseTransition(STARTUP_LIMIT);
      watchdog.setOnFinished(
          e -> {
            if (player == p && !vm.isReady() && !vm.failedProperty().get()) {
              MediaPlayer.Status st = p.getStatus();
              p.dispose();
              player = null;
              media.setMediaPlayer(null);
              vm.playbackFailed(
                  "the player did not start within "
                      + (int) STARTUP_LIMIT.toSeconds()
                      + " s; its state is "
                      + st);
            }
          });
      watchdog.play();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      // MediaException (unsupported codec, no decoder library) or the media natives missing.
      vm.playbackFailed(e.getMessage());
    }
  }

  private void toggle() {
    if (player == null) {
      return;
    }
    if (vm.playingProperty().get()) {
      player.pause();
      vm.setPlaying(false);
    } else {
      player.play();
      vm.setPlaying(true);
    }
  }
}
