package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.h264.AnnexB;
import dev.omnivibe.engine.h264.SkipFrameWriter;
import dev.omnivibe.engine.h264.UnsupportedStreamException;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.platform.FileTrees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a resolved deck to an MP4: video batches and the narration track run in parallel, the
 * segments are joined into one H.264 stream (stills as skip frames) that is piped into a single
 * stream-copy mux, and the result is moved onto the output path atomically.
 *
 * <p>If a hardware encoder fails mid-render the video is encoded again with libx264 and the result
 * records both the encoder used and why. A cancelled or failed render leaves nothing at the output
 * path and removes its temporary files.
 */
public final class Renderer {
  private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);
  private final FfmpegTools tools;
  private final RenderOptions options;

  public Renderer(FfmpegTools tools, RenderOptions options) {
    this.tools = tools;
    this.options = options;
  }

  public RenderResult render(
      ResolvedDeck deck,
      Path output,
      EncoderProfile profile,
      RenderListener listener,
      CancelToken cancel)
      throws InvalidDeckException, RenderFailedException, RenderCancelledException {
    long started = System.nanoTime();
    Path out = output.toAbsolutePath().normalize();
    Path partial =
        out.resolveSibling(
            "."
                + out.getFileName()
                + "."
                + UUID.randomUUID().toString().substring(0, 8)
                + ".partial");
    Path work = null;
    ExecutorService pool = null;
    try {
      Files.createDirectories(out.getParent());
      Files.createDirectories(options.workRoot());
      work = Files.createTempDirectory(options.workRoot(), "omnivibe-render-");
      StepLog log = new StepLog(started);
      long t0 = System.nanoTime();
      RenderPlanner planner = new RenderPlanner(tools, options.plan(), options.vaapiDevice());
      RenderPlan plan = planner.plan(deck, profile, work);
      log.ended("plan", t0);
      ProgressTracker tracker =
          new ProgressTracker(
              plan.totalWeight(), plan.timeline().durationSeconds(), listener, System::nanoTime);
      tracker.phase("encoding " + profile.encoder());
      pool =
          // At most one batch per core at a time (plus the narration): a 90-slide deck made 13
          // batches, and 13 encoders at once on 2 cores all finished together after 150 s, so the
          // progress bar sat at 0 % that long. One per core lets batches end one after another
          // (same total time: 11.1 vs 11.9 s on 100 slides, 19.6 vs 18.3 s on 24 dissolves).
          Executors.newFixedThreadPool(
              Math.min(plan.batches().size(), options.plan().batches()) + 1,
              r -> {
                Thread t = new Thread(r, "render-step");
                t.setDaemon(true);
                return t;
              });
      StepRunner steps = new StepRunner(tools, tracker, cancel, pool, log);
      DecodeCheck check = new DecodeCheck(tools);
      Future<?> audio = steps.submit(plan.audio().step());
      String fallback = null;
      List<VideoBatch> noisy;
      try {
        noisy = steps.runBatches(plan);
      } catch (FfmpegFailedException e) {
        RenderCancelledException.throwIf(cancel);
        if (!profile.hardware()) {
          throw badInputOr(check.images(plan.batches()), e);
        }
        fallback = profile.encoder() + " failed, rendered with libx264: " + e.getMessage();
        LOG.warn("{}", fallback);
        plan = planner.plan(deck, EncoderProfile.software(), work);
        tracker.phase("encoding libx264 (fallback)");
        noisy = steps.runBatches(plan);
      }
      List<Problem> damaged = check.images(noisy);
      if (!damaged.isEmpty()) {
        throw new InvalidDeckException(damaged);
      }
      awaitAudio(audio, deck, cancel, check);
      List<byte[]> adts = AdtsSplicer.write(plan.audio());
      boolean written = false;
      if (plan.blended()) {
        try {
          tracker.phase("writing");
          long w0 = System.nanoTime();
          StreamAssembler.writeBlended(plan, deck.output(), adts, partial, work);
          log.ended("write", w0);
          tracker.update("join", plan.muxWeight(), 1);
          written = true;
        } catch (UnsupportedStreamException e) {
          LOG.info(
              "fades cannot be drawn by the decoder for this stream ({}); encoding them",
              e.getMessage());
          plan =
              new RenderPlanner(tools, options.plan().withBlendFades(false), options.vaapiDevice())
                  .plan(deck, plan.profile(), work);
          steps.runBatches(plan);
        }
      }
      if (!written) {
        Map<Segment, SkipFrameWriter> stills = prepareStills(plan);
        if (stills == null) {
          // The encoder wrote something skip frames cannot follow (e.g. CABAC): encode every frame.
          plan =
              new RenderPlanner(tools, options.plan().withSkipFrames(false), options.vaapiDevice())
                  .plan(deck, plan.profile(), work);
          steps.runBatches(plan);
          stills = Map.of();
        }
        tracker.phase("joining");
        steps.join(plan, planner.muxArgs(plan, partial), stills);
      }
      RenderCancelledException.throwIf(cancel);
      moveAtomically(partial, out);
      tracker.finish();
      return new RenderResult(
          out,
          plan.profile().encoder(),
          fallback,
          plan.timeline().totalFrames(),
          plan.timeline().durationSeconds(),
          Files.size(out),
          Duration.ofNanos(System.nanoTime() - started),
          steps.times(),
          plan.profile().videoTools(tools).name(),
          log.spans());
    } catch (IOException e) {
      throw new RenderFailedException("render failed: " + describe(e), false, e);
    } catch (FfmpegFailedException e) {
      RenderCancelledException.throwIf(cancel);
      throw new RenderFailedException(
          e.getMessage() + diskHint(e) + " (" + which(e, profile) + ")", profile.hardware(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel.cancel("interrupted");
      throw new RenderCancelledException("interrupted");
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing useful to do; the partial file is hidden and named as such
      }
      FileTrees.deleteQuietly(work);
    }
  }

  private static void awaitAudio(
      Future<?> audio, ResolvedDeck deck, CancelToken cancel, DecodeCheck check)
      throws InterruptedException, InvalidDeckException, RenderCancelledException, IOException {
    try {
      audio.get();
    } catch (ExecutionException e) {
      RenderCancelledException.throwIf(cancel);
      if (e.getCause() instanceof FfmpegFailedException ffe) {
        throw badInputOr(check.narrations(deck), ffe);
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
    RenderCancelledException.throwIf(cancel);
  }

  /** Returns a skip-frame writer per repeated still, or null if any stream cannot take them. */
  private static Map<Segment, SkipFrameWriter> prepareStills(RenderPlan plan) throws IOException {
    Map<Segment, SkipFrameWriter> writers = new HashMap<>();
    for (Segment s : plan.segments()) {
      if (s.repeatsStill()) {
        try {
          writers.put(s, SkipFrameWriter.forStill(AnnexB.parse(Files.readAllBytes(s.file()))));
        } catch (UnsupportedStreamException e) {
          LOG.info(
              "{} output cannot be repeated with skip frames ({}); encoding every frame",
              plan.profile().encoder(),
              e.getMessage());
          return null;
        }
      }
    }
    return writers;
  }

  /** Bad input when a file is to blame, else the original failure. */
  private static InvalidDeckException badInputOr(
      List<Problem> problems, FfmpegFailedException failure) {
    if (problems.isEmpty()) {
      throw failure;
    }
    return new InvalidDeckException(problems);
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from) || Files.size(from) == 0) {
      throw new IOException("FFmpeg wrote no output");
    }
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String describe(IOException e) {
    String msg = String.valueOf(e.getMessage());
    return msg.contains("No space left") ? "disk full: " + msg : msg;
  }

  /** The build that failed, in words: the encoder's driver build or the render's own. */
  private String which(FfmpegFailedException e, EncoderProfile profile) {
    FfmpegTools video = profile.videoTools(tools);
    return video.ffmpeg().toString().equals(e.executable()) ? video.name() : tools.name();
  }

  private static String diskHint(FfmpegFailedException e) {
    return e.stderrText().contains("No space left") ? " (disk full)" : "";
  }
}
