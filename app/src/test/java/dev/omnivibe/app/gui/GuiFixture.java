package dev.omnivibe.app.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real engine in a temporary folder (real SQLite, real FFmpeg) and a tiny generated deck, for
 * view-model and window tests. The encoder probe result is shared by every fixture of a run.
 */
public final class GuiFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path shared;
  private static Path deck;
  public final Path dir;
  public final Engine engine;

  private GuiFixture(Path dir, Engine engine) {
    this.dir = dir;
    this.engine = engine;
  }

  public static synchronized GuiFixture open() {
    try {
      if (shared == null) {
        shared = Files.createTempDirectory("omnivibe-gui-shared");
        deck = TestDecks.tiny(shared.resolve("deck"), 3, 1.0, 0.5, "fade");
      }
      Path dir = Files.createTempDirectory("omnivibe-gui");
      Engine engine =
          Engine.open(
              new EngineConfig(dir.resolve("data"), TestFfmpeg.real())
                  .speech(dev.omnivibe.engine.testkit.TestSpeech.voice())
                  .workers(QueueName.VIDEO, 1)
                  .encoderCache(shared.resolve("encoders.json")));
      return new GuiFixture(dir, engine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated deck file: 3 slides of 320x180 with 0.5 s narration. */
  public static Path deck() {
    return deck;
  }

  /** The deck's slide images. */
  public static List<Path> images() {
    Path slides = deck.getParent().resolve("slides");
    try (var s = Files.list(slides)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Submits a silent deck of {@code slides} stills lasting {@code seconds} each (a distinct job per
   * length).
   */
  public Job submit(String name, int priority, double seconds) throws InvalidDeckException {
    ObjectNode root = JSON.createObjectNode();
    var list = root.putArray("slides");
    for (Path image : images()) {
      list.addObject().put("image", image.toString()).put("duration", seconds);
    }
    root.putObject("output").put("width", 320).put("height", 180).put("fps", 30);
    return engine.submit(
        new RenderRequest(name, root, deck.getParent(), priority, null, "auto", null, null, null));
  }

  @Override
  public void close() {
    engine.close();
  }
}
