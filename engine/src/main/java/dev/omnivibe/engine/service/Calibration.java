package dev.omnivibe.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.MediaResolver;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.platform.JsonFiles;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.render.RenderResult;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what renders cost on this machine before the first real one, so the first estimate is
 * not a guess: three small generated decks (one mostly fixed cost, one of many large frames, one of
 * long narrated output) are rendered once with the encoder renders would use, and the estimator
 * learns them as it learns real renders. The measurements are kept per FFmpeg build and encoder in
 * a file, so this runs once per machine, not once per start.
 */
public final class Calibration implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Calibration.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<SampleDeckWriter.Spec> SHAPES =
      List.of(
          new SampleDeckWriter.Spec(2, 320, 180, 1.0, 0, null, 0, 320, 180, 30),
          new SampleDeckWriter.Spec(4, 1280, 720, 1.5, 1.0, "fade", 0.5, 1280, 720, 30),
          new SampleDeckWriter.Spec(2, 640, 360, 8.0, 6.0, null, 0, 640, 360, 30));
  private final Path file;
  private final Path work;
  private final Renderer renderer;
  private final DeckPreparation preparation;
  private final FfmpegTools tools;
  private final Supplier<EncoderReport> encoders;
  private final RenderEstimator estimator;
  private final CancelToken cancel = new CancelToken();

  /**
   * @param file where the measurements are kept
   * @param work a folder for the generated decks and renders, removed afterwards
   */
  public Calibration(
      Path file,
      Path work,
      Renderer renderer,
      DeckPreparation preparation,
      FfmpegTools tools,
      Supplier<EncoderReport> encoders,
      RenderEstimator estimator) {
    this.file = file;
    this.work = work;
    this.renderer = renderer;
    this.preparation = preparation;
    this.tools = tools;
    this.encoders = encoders;
    this.estimator = estimator;
  }

  /** Teaches the estimator this machine's costs: kept ones, else measured now (a second or two). */
  public void run() {
    EncoderProfile profile;
    try {
      profile = EncoderSelector.select("auto", encoders.get(), tools);
    } catch (IllegalArgumentException e) {
      return; // no usable encoder: renders fail anyway, and say why
    }
    String key = tools.identity() + "|" + profile.encoder();
    ObjectNode all = read();
    JsonNode kept = all.get(key);
    if (kept == null) {
      try {
        kept = measure(profile);
      } catch (Exception e) {
        if (!cancel.isCancelled()) {
          LOG.warn("calibration renders failed; estimates stay cautious: {}", e.getMessage());
        }
        return;
      }
      all.set(key, kept);
      write(all);
    }
    for (JsonNode s : kept) {
      estimator.learn(
          profile.encoder(),
          new Workload(
              s.path("uniqueFrames").asLong(),
              s.path("outputSeconds").asDouble(),
              s.path("megapixels").asDouble()),
          s.path("seconds").asDouble());
    }
  }

  private ArrayNode measure(EncoderProfile profile) throws Exception {
    ArrayNode samples = JSON.createArrayNode();
    Path dir = Files.createTempDirectory(Files.createDirectories(work), "calibration-");
    try {
      for (int i = 0; i < SHAPES.size(); i++) {
        Deck deck =
            DeckReader.read(SampleDeckWriter.write(dir.resolve("deck-" + i), SHAPES.get(i)));
        ResolvedDeck resolved =
            preparation.prepare(deck, MediaResolver.relativeTo(deck.baseDir())).resolved();
        RenderResult r =
            renderer.render(resolved, dir.resolve("out-" + i + ".mp4"), profile, p -> {}, cancel);
        Workload w = Workload.of(resolved);
        samples
            .addObject()
            .put("uniqueFrames", w.uniqueFrames())
            .put("outputSeconds", w.outputSeconds())
            .put("megapixels", w.megapixels())
            .put("seconds", r.wallTime().toNanos() / 1e9);
      }
      return samples;
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }

  private ObjectNode read() {
    try {
      if (Files.isRegularFile(file) && JSON.readTree(file.toFile()) instanceof ObjectNode n) {
        return n;
      }
    } catch (IOException e) {
      // a damaged file is measured again
    }
    return JSON.createObjectNode();
  }

  private void write(ObjectNode all) {
    try {
      JsonFiles.writeAtomically(file, JSON.writer(), all);
    } catch (IOException e) {
      LOG.warn("cannot keep the calibration in {}: {}", file, e.getMessage());
    }
  }

  /** Stops a calibration render in progress (the engine is closing). */
  @Override
  public void close() {
    cancel.cancel("the engine is closing");
  }
}
