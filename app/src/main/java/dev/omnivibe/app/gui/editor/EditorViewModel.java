package dev.omnivibe.app.gui.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.Inspection;
import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.request.RenderRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-render editor: slides, output settings and where the job goes. Validation and the time
 * estimate come from the engine itself (the same checks and model a submission goes through), run
 * in the background after each change; results of an older change are dropped.
 */
public final class EditorViewModel {
  static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "webp");
  static final Set<String> AUDIO_TYPES = Set.of("wav", "mp3", "m4a", "ogg", "flac");
  private static final Pattern SLIDE_FIELD = Pattern.compile("slides\\[(\\d+)]\\.?(.*)");

  private final Engine engine;
  private final Async async;
  private final StringProperty name = new SimpleStringProperty("Untitled render");
  private final ObservableList<SlideItem> slides =
      FXCollections.observableArrayList(
          s ->
              new Observable[] {
                s.imageProperty(),
                s.durationProperty(),
                s.narrationProperty(),
                s.transitionProperty(),
                s.transitionSecondsProperty(),
                s.narrationTextProperty()
              });
  private final ObjectProperty<Resolution> resolution =
      new SimpleObjectProperty<>(Resolution.of(1920, 1080));
  private final IntegerProperty fps = new SimpleIntegerProperty(30);
  private final ObjectProperty<Quality> quality = new SimpleObjectProperty<>(Quality.STANDARD);
  private final IntegerProperty priority = new SimpleIntegerProperty(Priority.DEFAULT);
  private final ObjectProperty<QueueName> queue = new SimpleObjectProperty<>(QueueName.VIDEO);
  private final StringProperty encoder = new SimpleStringProperty("auto");
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final StringProperty estimate = new SimpleStringProperty("");
  private final BooleanProperty valid = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
  private final ObjectProperty<Path> deckFile = new SimpleObjectProperty<>();
  private ObjectNode extras;
  private Consumer<Job> submitted = j -> {};
  private long generation;

  public EditorViewModel(Engine engine, Async async) {
    this.engine = engine;
    this.async = async;
  }

  /** Adds every image among {@code files}; other files are named in the message. */
  public void addImages(List<Path> files) {
    List<String> refused = new ArrayList<>();
    for (Path f : files) {
      if (IMAGE_TYPES.contains(extension(f))) {
        slides.add(new SlideItem(f.toAbsolutePath()));
      } else {
        refused.add(f.getFileName().toString());
      }
    }
    message.set(
        refused.isEmpty()
            ? ""
            : "Not added (not a PNG, JPEG or WebP image): " + String.join(", ", refused));
    validate();
  }

  /**
   * Sets a slide's narration; its duration becomes automatic (the narration's length).
   *
   * @return false, with the reason in the message, when the file is not a supported audio type
   */
  public boolean setNarration(SlideItem slide, Path audio) {
    if (audio != null && !AUDIO_TYPES.contains(extension(audio))) {
      message.set(audio.getFileName() + " is not WAV, MP3, M4A, OGG or FLAC audio");
      return false;
    }
    slide.narrationProperty().set(audio == null ? null : audio.toAbsolutePath());
    if (audio != null) {
      slide.durationProperty().set("");
      slide.narrationTextProperty().set(""); // a file replaces words to speak
    }
    validate();
    return true;
  }

  public void remove(SlideItem slide) {
    slides.remove(slide);
    validate();
  }

  /** Moves a slide up ({@code -1}) or down ({@code +1}). */
  public void shift(SlideItem slide, int by) {
    int from = slides.indexOf(slide);
    int to = from + by;
    if (from < 0 || to < 0 || to >= slides.size()) {
      return;
    }
    slides.remove(from);
    slides.add(to, slide);
    validate();
  }

  public OutputSettings output() {
    Resolution r = resolution.get();
    return new OutputSettings(r.width(), r.height(), new FrameRate(fps.get(), 1), quality.get());
  }

  /** The deck as JSON; paths relative to the deck file's folder when it has been saved. */
  public ObjectNode deckJson() {
    return DeckDocument.toJson(slides, output(), baseDir(), extras);
  }

  private Path baseDir() {
    if (deckFile.get() != null) {
      return deckFile.get().toAbsolutePath().getParent();
    }
    return slides.isEmpty() ? null : slides.get(0).imageProperty().get().getParent();
  }

  /** Checks the deck with the engine and updates problems, durations and the estimate. */
  public void validate() {
    long gen = ++generation;
    if (slides.isEmpty()) {
      problems.setAll("Add at least one slide (drop images here or use Add images…)");
      valid.set(false);
      estimate.set("");
      return;
    }
    ObjectNode json = deckJson();
    Path base = baseDir();
    String enc = encoder.get();
    RenderRequest request = request(json, base, enc);
    async.call(
        () -> {
          Inspection i = engine.inspect(request);
          return new Checked(i.deck(), i.estimateSeconds());
        },
        c -> {
          if (gen == generation) {
            accept(c);
          }
        },
        e -> {
          if (gen == generation) {
            reject(e);
          }
        });
  }

  private record Checked(ResolvedDeck deck, double seconds) {}

  private void accept(Checked c) {
    problems.clear();
    slides.forEach(s -> s.problemProperty().set(""));
    for (int i = 0; i < slides.size() && i < c.deck.slides().size(); i++) {
      slides.get(i).resolvedSecondsProperty().set(c.deck.slides().get(i).duration());
    }
    valid.set(true);
    estimate.set(
        String.format(
            Locale.ROOT,
            "%d slides · %s of video · renders in about %s",
            c.deck.slides().size(),
            Formats.duration(c.deck.durationSeconds()),
            Formats.duration(c.seconds)));
  }

  private void reject(Exception e) {
    valid.set(false);
    estimate.set("");
    slides.forEach(s -> s.problemProperty().set(""));
    List<String> general = new ArrayList<>();
    List<Problem> list =
        e instanceof InvalidDeckException bad
            ? bad.problems()
            : List.of(new Problem("deck", String.valueOf(e.getMessage())));
    for (Problem p : list) {
      Matcher m = SLIDE_FIELD.matcher(p.field());
      int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (index >= 0 && index < slides.size()) {
        SlideItem s = slides.get(index);
        String field = m.group(2).isEmpty() ? "" : m.group(2) + ": ";
        String before = s.problemProperty().get();
        s.problemProperty().set((before.isEmpty() ? "" : before + "\n") + field + p.message());
        general.add("Slide " + (index + 1) + " " + field + p.message());
      } else {
        general.add(p.toString());
      }
    }
    problems.setAll(general);
  }

  /** Queues the render; on success the editor keeps its slides (render again with changes). */
  public void submit() {
    if (slides.isEmpty()) {
      validate();
      return;
    }
    ObjectNode json = deckJson();
    RenderRequest request = request(json, baseDir(), encoder.get());
    busy.set(true);
    async.call(
        () -> engine.submit(request),
        job -> {
          busy.set(false);
          message.set(
              job.cached()
                  ? "Already rendered: " + job.name() + " is ready (identical to an earlier render)"
                  : "Queued " + job.name());
          submitted.accept(job);
        },
        e -> {
          busy.set(false);
          reject(e);
          message.set(
              "Not queued: "
                  + (e instanceof InvalidDeckException
                      ? "fix the problems listed"
                      : e.getMessage()));
        });
  }

  /** The request this editor would submit (validation checks exactly this). */
  private RenderRequest request(ObjectNode json, Path base, String enc) {
    return new RenderRequest(
        name.get(), json, base, priority.get(), queue.get(), enc, null, null, null);
  }

  /** Saves the deck; media inside the deck's folder are written as relative paths. */
  public void save(Path file) {
    Path target = file.toAbsolutePath();
    ObjectNode json = DeckDocument.toJson(slides, output(), target.getParent(), extras);
    async.call(
        () -> {
          DeckDocument.write(target, json);
          return target;
        },
        f -> {
          deckFile.set(f);
          message.set("Saved " + f.getFileName());
        },
        e -> message.set("Cannot save " + target + ": " + e.getMessage()));
  }

  /** Loads a deck file; a malformed file leaves the current deck untouched. */
  public void load(Path file) {
    async.call(
        () -> DeckDocument.read(file),
        loaded -> {
          slides.setAll(loaded.slides());
          extras = loaded.extras();
          OutputSettings o = loaded.output();
          resolution.set(Resolution.of(o.width(), o.height()));
          fps.set((int) Math.round(o.fps().fps()));
          quality.set(o.quality());
          deckFile.set(file.toAbsolutePath());
          String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
          name.set(
              base.equals("deck") && file.toAbsolutePath().getParent() != null
                  ? file.toAbsolutePath().getParent().getFileName().toString()
                  : base);
          message.set("Opened " + file.getFileName());
          validate();
        },
        e -> message.set("Cannot open " + file.getFileName() + ":\n" + e.getMessage()));
  }

  public void onSubmitted(Consumer<Job> listener) {
    submitted = listener;
  }

  static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObservableList<SlideItem> slides() {
    return slides;
  }

  public ObjectProperty<Resolution> resolutionProperty() {
    return resolution;
  }

  public IntegerProperty fpsProperty() {
    return fps;
  }

  public ObjectProperty<Quality> qualityProperty() {
    return quality;
  }

  public IntegerProperty priorityProperty() {
    return priority;
  }

  public ObjectProperty<QueueName> queueProperty() {
    return queue;
  }

  /** {@code auto} or an encoder name; the encoders view sets the default. */
  public StringProperty encoderProperty() {
    return encoder;
  }

  public ObservableList<String> problems() {
    return problems;
  }

  public StringProperty estimateProperty() {
    return estimate;
  }

  public BooleanProperty validProperty() {
    return valid;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public ObjectProperty<Path> deckFileProperty() {
    return deckFile;
  }
}
