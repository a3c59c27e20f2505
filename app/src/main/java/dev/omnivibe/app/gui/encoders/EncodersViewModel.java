package dev.omnivibe.app.gui.encoders;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.encoder.FailureReason;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the encoder probe found: every candidate with usable or not and why, the engine's default
 * choice, and the user's override ({@code auto} follows the default).
 */
public final class EncodersViewModel {
  public static final String AUTO = "auto";
  private final Engine engine;
  private final Async async;
  private final ObservableList<EncoderStatus> encoders = FXCollections.observableArrayList();
  private final ObservableList<String> choices = FXCollections.observableArrayList(AUTO);
  private final StringProperty choice = new SimpleStringProperty(AUTO);
  private final StringProperty defaultEncoder = new SimpleStringProperty("");
  private final StringProperty summary = new SimpleStringProperty("Probing encoders…");
  private final BooleanProperty probing = new SimpleBooleanProperty();
  private final StringProperty ffmpeg = new SimpleStringProperty("");

  /**
   * @param saveChoice stores the override (the settings file) whenever the user changes it
   */
  public EncodersViewModel(
      Engine engine, Async async, String savedChoice, Consumer<String> saveChoice) {
    this.engine = engine;
    this.async = async;
    choice.set(savedChoice == null || savedChoice.isBlank() ? AUTO : savedChoice);
    choice.addListener(
        (o, a, b) -> {
          if (b != null) {
            saveChoice.accept(b);
          }
        });
  }

  /**
   * Shows the cached probe, or probes again when {@code refresh} (each candidate really encodes).
   */
  public void load(boolean refresh) {
    probing.set(true);
    summary.set(refresh ? "Probing every encoder again…" : "Probing encoders…");
    async.call(
        () -> engine.encoders(refresh),
        this::show,
        e -> {
          probing.set(false);
          summary.set("Encoder probe failed: " + e.getMessage());
        });
  }

  private void show(EncoderReport r) {
    probing.set(false);
    ffmpeg.set("FFmpeg: " + engine.health().ffmpegChoice());
    encoders.setAll(r.encoders());
    String best = r.best(Codec.H264).map(EncoderStatus::name).orElse("none");
    defaultEncoder.set(best);
    String keep = choice.get() == null ? AUTO : choice.get();
    java.util.List<String> next = new java.util.ArrayList<>();
    next.add(AUTO);
    r.encoders().stream().filter(EncoderStatus::usable).map(EncoderStatus::name).forEach(next::add);
    // Edit the list in place: replacing it would clear a choice box's value bound to the choice.
    choices.removeIf(c -> !next.contains(c));
    next.stream().filter(c -> !choices.contains(c)).forEach(choices::add);
    if (!next.contains(keep)) {
      // A saved override that no longer works (driver removed): say so and fall back.
      summary.set(keep + " is not usable any more; using auto (" + best + ")");
      choice.set(AUTO);
    } else {
      long usable = r.encoders().stream().filter(EncoderStatus::usable).count();
      summary.set(
          "FFmpeg "
              + r.ffmpegVersion()
              + " · "
              + usable
              + " of "
              + r.encoders().size()
              + " encoders usable · default "
              + best
              + " · probed in "
              + r.probeMillis()
              + " ms");
    }
  }

  /** Which FFmpeg renders use, and why the other candidates were passed over. */
  public StringProperty ffmpegProperty() {
    return ffmpeg;
  }

  /** Why a candidate cannot be used, in words. */
  public static String reason(EncoderStatus s) {
    if (s.usable()) {
      return "usable";
    }
    String why =
        switch (s.reason() == null ? FailureReason.OTHER : s.reason()) {
          case NOT_COMPILED_IN -> "this FFmpeg was built without it";
          case NO_DEVICE -> "no matching GPU or render device";
          case DRIVER_TOO_OLD -> "the GPU driver is too old";
          case SESSION_LIMIT -> "the GPU refused another encode session";
          case LIBRARY_MISSING -> "the vendor driver library is not installed";
          case OTHER -> "the test encode failed";
        };
    return s.detail() == null || s.detail().isBlank() ? why : why + ": " + s.detail();
  }

  /** The encoder a render with the current choice will use. */
  public String effective() {
    return AUTO.equals(choice.get()) ? defaultEncoder.get() : choice.get();
  }

  public ObservableList<EncoderStatus> encoders() {
    return encoders;
  }

  public ObservableList<String> choices() {
    return choices;
  }

  public StringProperty choiceProperty() {
    return choice;
  }

  public StringProperty defaultEncoderProperty() {
    return defaultEncoder;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public BooleanProperty probingProperty() {
    return probing;
  }
}
