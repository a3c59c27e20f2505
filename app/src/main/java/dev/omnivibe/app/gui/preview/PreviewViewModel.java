package dev.omnivibe.app.gui.preview;

import dev.omnivibe.app.gui.Async;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The finished render being previewed. The view tries to play it with JavaFX Media and reports back
 * when it cannot (no audio device, no H.264 decoder on this system), so the message can say why and
 * offer the system player instead.
 */
public final class PreviewViewModel {
  /** Makes a still of a video (FFmpeg in the app; anything in tests). */
  @FunctionalInterface
  public interface PosterMaker {
    Path poster(Path video) throws Exception;
  }

  private final Async async;
  private final PosterMaker posters;
  private final ObjectProperty<Path> poster = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
  private final StringProperty title = new SimpleStringProperty("Nothing to preview");
  private final StringProperty status =
      new SimpleStringProperty(
          "Finished renders play here: pick one in the queue and press Preview.");
  private final BooleanProperty playing = new SimpleBooleanProperty();
  private final BooleanProperty failed = new SimpleBooleanProperty();
  private boolean ready;

  public PreviewViewModel(Async async, PosterMaker posters) {
    this.async = async;
    this.posters = posters;
  }

  /** Shows a finished output; a missing file is reported instead. */
  public void show(String name, Path output) {
    poster.set(null);
    playing.set(false);
    failed.set(false);
    title.set(name);
    if (output == null || !Files.isRegularFile(output)) {
      file.set(null);
      failed.set(true);
      status.set(
          "The output file " + (output == null ? "" : output + " ") + "is gone; render it again.");
      return;
    }
    ready = false;
    // Status first: setting the file starts the player, which may fail at once.
    status.set("Loading " + output.getFileName() + "…");
    file.set(output);
    async.call(
        () -> posters.poster(output),
        p -> {
          if (output.equals(file.get())) {
            poster.set(p);
          }
        },
        e -> {
          // The still is a nicety; the status line already says what matters.
        });
  }

  /** The player is ready. */
  public void ready(double seconds) {
    ready = true;
    status.set(file.get().getFileName() + String.format(" · %.1f s", seconds));
  }

  /** The player could not play the file; {@code reason} is JavaFX Media's own message. */
  public void playbackFailed(String reason) {
    playing.set(false);
    failed.set(true);
    status.set(
        "This window cannot play "
            + (file.get() == null ? "the file" : file.get().getFileName())
            + " ("
            + (reason == null || reason.isBlank() ? "JavaFX Media refused it" : reason)
            + "). JavaFX needs an audio device and the system's H.264 decoder (libavcodec). "
            + "Open it in the system player instead.");
  }

  public boolean isReady() {
    return ready;
  }

  public void setPlaying(boolean on) {
    playing.set(on);
  }

  /** A still of the video, shown until (or instead of) playback. */
  public ObjectProperty<Path> posterProperty() {
    return poster;
  }

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty playingProperty() {
    return playing;
  }

  public BooleanProperty failedProperty() {
    return failed;
  }
}
