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
import java.util.ArrayList;
import java.util.Arrays;
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

  /** Fades and narration, as most decks have, at a size that is quick to draw and check. */
  private static final SampleDeckWriter.Spec WARM_UP =
      new SampleDeckWriter.Spec(3, 640, 360, 1.5, 1.0, "fade", 0.5, 640, 360, 30);

  /** Rounds over the shapes; the fastest of each is kept. */
  private static final int ROUNDS = 2;

  /**
   * Bumped when what is measured changes, so measurements kept by an older version (one round,
   * easily skewed by a busy machine) are taken again.
   */
  private static final String VERSION = "2";

  private final Path file;
  private final Path work;
  private final Renderer renderer;
  private final DeckPreparation preparation;
  private final FfmpegTools tools;
  private final Supplier<EncoderReport> encoders;
  private final RenderEstimator estimator;
  private final CancelToken cancel = new CancelToken();
  private final CancelToken warm = new CancelToken();

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

  /**
   * Teaches the estimator this machine's costs: kept ones (then warms the render path up), else
   * measured now (a few seconds, once).
   */
  public void run() {
    EncoderProfile profile;
    try {
      profile = EncoderSelector.select("auto", encoders.get(), tools);
    } catch (IllegalArgumentException e) {
      return; // no usable encoder: renders fail anyway, and say why
    }
    String key = tools.identity() + "|" + profile.encoder() + "|v" + VERSION;
    ObjectNode all = read();
    JsonNode kept = all.get(key);
    if (kept != null) {
      learn(profile, kept);
      warmUp(profile);
      return;
    }
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
    learn(profile, kept);
  }

  private void learn(EncoderProfile profile, JsonNode kept) {
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

  /**
   * One small render with fades and narration, discarded: a start that only reads kept measurements
   * would otherwise leave the user's first job to load and compile the render path (the planner,
   * image checks, the MP4 writer) and to bring FFmpeg into the page cache, which made it about a
   * fifth slower than the next one. A start that measures has just done all of that.
   */
  private void warmUp(EncoderProfile profile) {
    Path dir = null;
    try {
      if (warm.isCancelled()) {
        return;
      }
      dir = Files.createTempDirectory(Files.createDirectories(work), "warm-up-");
      Deck deck = DeckReader.read(SampleDeckWriter.write(dir.resolve("deck"), WARM_UP));
      ResolvedDeck resolved =
          preparation.prepare(deck, MediaResolver.relativeTo(deck.baseDir())).resolved();
      if (warm.isCancelled()) {
        return; // drawing and checking the deck is not stopped midway; the render is
      }
      renderer.render(resolved, dir.resolve("out.mp4"), profile, p -> {}, warm);
    } catch (Exception e) {
      LOG.debug("warm-up render stopped: {}", e.getMessage()); // the first job then warms up alone
    } finally {
      if (dir != null) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }

  private ArrayNode measure(EncoderProfile profile) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(work), "calibration-");
    try {
      List<ResolvedDeck> decks = new ArrayList<>();
      for (int i = 0; i < SHAPES.size(); i++) {
        Deck deck =
            DeckReader.read(SampleDeckWriter.write(dir.resolve("deck-" + i), SHAPES.get(i)));
        decks.add(preparation.prepare(deck, MediaResolver.relativeTo(deck.baseDir())).resolved());
      }
      // Each shape is timed in every round and its fastest time kept: a render that shared the
      // machine with something else (the user's own first render, a build) only ever takes longer,
      // and three samples fit three terms exactly, so one slowed sample would skew a term for good.
      double[] best = new double[decks.size()];
      Arrays.fill(best, Double.MAX_VALUE);
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < decks.size(); i++) {
          RenderResult r =
              renderer.render(
                  decks.get(i), dir.resolve("out-" + i + ".mp4"), profile, p -> {}, cancel);
          best[i] = Math.min(best[i], r.wallTime().toNanos() / 1e9);
        }
      }
      ArrayNode samples = JSON.createArrayNode();
      for (int i = 0; i < decks.size(); i++) {
        Workload w = Workload.of(decks.get(i));
        samples
            .addObject()
            .put("uniqueFrames", w.uniqueFrames())
            .put("outputSeconds", w.outputSeconds())
            .put("megapixels", w.megapixels())
            .put("seconds", best[i]);
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

  /**
   * Stops the warm-up render, now or before it starts: it exists to spare the first job, so it
   * never competes with one. Measuring renders go on (their fastest round is kept).
   */
  public void yieldToJobs() {
    warm.cancel("a job started");
  }

  /** Stops a calibration render in progress (the engine is closing). */
  @Override
  public void close() {
    warm.cancel("the engine is closing");
    cancel.cancel("the engine is closing");
  }
}
