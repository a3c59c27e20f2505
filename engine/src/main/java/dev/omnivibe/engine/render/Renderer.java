package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.ProcessResult;
import dev.omnivibe.engine.h264.AnnexB;
import dev.omnivibe.engine.h264.SkipFrameWriter;
import dev.omnivibe.engine.h264.UnsupportedStreamException;
import dev.omnivibe.engine.platform.FileTrees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    Map<String, Duration> times = new ConcurrentHashMap<>();
    ExecutorService pool = null;
    try {
      Files.createDirectories(out.getParent());
      Files.createDirectories(options.workRoot());
      work = Files.createTempDirectory(options.workRoot(), "omnivibe-render-");
      RenderPlanner planner =
          new RenderPlanner(tools.ffmpeg(), options.plan(), options.vaapiDevice());
      RenderPlan plan = planner.plan(deck, profile, work);
      ProgressTracker tracker =
          new ProgressTracker(
              plan.totalWeight(), plan.timeline().durationSeconds(), listener, System::nanoTime);
      tracker.phase("encoding " + profile.encoder());
      pool =
          Executors.newFixedThreadPool(
              plan.batches().size() + 1,
              r -> {
                Thread t = new Thread(r, "render-step");
                t.setDaemon(true);
                return t;
              });
      RenderPlan audioPlan = plan;
      Future<?> audio = pool.submit(() -> runStep(audioPlan.audio(), tracker, cancel, times));
      String fallback = null;
      List<VideoBatch> noisy;
      try {
        noisy = runBatches(plan, pool, tracker, cancel, times);
      } catch (FfmpegFailedException e) {
        cancel.throwIfCancelled();
        if (!profile.hardware()) {
          throw diagnose(plan, e);
        }
        fallback = profile.encoder() + " failed, rendered with libx264: " + e.getMessage();
        LOG.warn("{}", fallback);
        plan = planner.plan(deck, EncoderProfile.software(), work);
        tracker.phase("encoding libx264 (fallback)");
        noisy = runBatches(plan, pool, tracker, cancel, times);
      }
      checkDecodeErrors(noisy);
      awaitAudio(audio, deck, cancel);
      Map<Segment, SkipFrameWriter> stills = prepareStills(plan);
      if (stills == null) {
        // The encoder wrote something skip frames cannot follow (e.g. CABAC): encode every frame.
        plan =
            new RenderPlanner(
                    tools.ffmpeg(), options.plan().withSkipFrames(false), options.vaapiDevice())
                .plan(deck, plan.profile(), work);
        runBatches(plan, pool, tracker, cancel, times);
        stills = Map.of();
      }
      tracker.phase("joining");
      mux(plan, planner.muxArgs(plan, partial), stills, tracker, cancel, times);
      cancel.throwIfCancelled();
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
          Map.copyOf(times));
    } catch (IOException e) {
      throw new RenderFailedException("render failed: " + describe(e), false, e);
    } catch (FfmpegFailedException e) {
      cancel.throwIfCancelled();
      throw new RenderFailedException(e.getMessage() + diskHint(e), profile.hardware(), e);
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

  /**
   * Runs all video batches of a plan in parallel.
   *
   * @return the batches that succeeded but printed errors: FFmpeg decodes a damaged image into a
   *     garbage picture and still exits 0, so an error line is the only sign
   */
  private List<VideoBatch> runBatches(
      RenderPlan plan,
      ExecutorService pool,
      ProgressTracker tracker,
      CancelToken cancel,
      Map<String, Duration> times)
      throws InterruptedException, RenderCancelledException, IOException {
    Map<VideoBatch, Future<List<String>>> futures = new java.util.LinkedHashMap<>();
    for (VideoBatch batch : plan.batches()) {
      futures.put(batch, pool.submit(() -> runStep(batch.step(), tracker, cancel, times)));
    }
    FfmpegFailedException failure = null;
    List<VideoBatch> noisy = new ArrayList<>();
    for (var entry : futures.entrySet()) {
      try {
        if (!entry.getValue().get().isEmpty()) {
          noisy.add(entry.getKey());
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof FfmpegFailedException ffe) {
          failure = failure == null ? ffe : failure;
        } else if (e.getCause() instanceof IOException io) {
          throw io;
        } else {
          throw new IllegalStateException(e.getCause());
        }
      }
    }
    cancel.throwIfCancelled();
    if (failure != null) {
      throw failure;
    }
    return noisy;
  }

  /** Runs one step to completion and returns the error lines FFmpeg printed (usually none). */
  private List<String> runStep(
      FfmpegStep step, ProgressTracker tracker, CancelToken cancel, Map<String, Duration> times)
      throws IOException, InterruptedException {
    if (cancel.isCancelled()) {
      return List.of();
    }
    for (var script : step.scripts().entrySet()) {
      Files.writeString(script.getKey(), script.getValue());
    }
    LOG.debug("{}: {}", step.name(), step.args());
    long t0 = System.nanoTime();
    FfmpegProcess process =
        FfmpegProcess.start(
            step.name(),
            step.args(),
            tools.environment(),
            snap -> {
              if (step.mediaSeconds() > 0) {
                tracker.update(
                    step.name(), step.weight(), snap.outTimeMicros() / 1e6 / step.mediaSeconds());
              }
            });
    cancel.register(process);
    try {
      process.await();
    } finally {
      cancel.unregister(process);
    }
    times.merge(step.name(), Duration.ofNanos(System.nanoTime() - t0), Duration::plus);
    tracker.update(step.name(), step.weight(), 1);
    return process.stderrTail().stream().filter(l -> !l.isBlank()).toList();
  }

  private void awaitAudio(Future<?> audio, ResolvedDeck deck, CancelToken cancel)
      throws InterruptedException, InvalidDeckException, RenderCancelledException, IOException {
    try {
      audio.get();
    } catch (ExecutionException e) {
      cancel.throwIfCancelled();
      if (e.getCause() instanceof FfmpegFailedException ffe) {
        List<Problem> problems = new ArrayList<>();
        for (ResolvedSlide s : deck.slides()) {
          if (s.narration() != null) {
            decodeProblem(s.narration(), "slides[" + s.index() + "].narration", "a")
                .ifPresent(problems::add);
          }
        }
        if (!problems.isEmpty()) {
          throw new InvalidDeckException(problems);
        }
        throw ffe;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
    cancel.throwIfCancelled();
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

  private void mux(
      RenderPlan plan,
      List<String> args,
      Map<Segment, SkipFrameWriter> stills,
      ProgressTracker tracker,
      CancelToken cancel,
      Map<String, Duration> times)
      throws IOException, InterruptedException, RenderCancelledException {
    long t0 = System.nanoTime();
    double seconds = plan.timeline().durationSeconds();
    FfmpegProcess process =
        FfmpegProcess.start(
            "join",
            args,
            tools.environment(),
            snap -> tracker.update("join", plan.muxWeight(), snap.outTimeMicros() / 1e6 / seconds));
    cancel.register(process);
    try {
      try (OutputStream in = new BufferedOutputStream(process.stdin(), 1 << 20)) {
        StreamAssembler.write(plan.segments(), stills, plan.gopFrames(), in);
      } catch (IOException e) {
        // FFmpeg closed its input: its own exit status below says why.
        cancel.throwIfCancelled();
        process.await();
        throw e;
      }
      process.await();
    } finally {
      cancel.unregister(process);
    }
    cancel.throwIfCancelled();
    times.put("join", Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Turns error lines of successful batches into bad input when an image is really damaged. */
  private void checkDecodeErrors(List<VideoBatch> noisy) throws InvalidDeckException {
    List<Problem> problems = new ArrayList<>();
    for (VideoBatch batch : noisy) {
      imageProblems(batch, problems);
      if (problems.isEmpty()) {
        LOG.warn("{} printed errors, but every image decodes cleanly", batch.step().name());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems.stream().distinct().toList());
    }
  }

  private void imageProblems(VideoBatch batch, List<Problem> problems) {
    batch
        .imageSlides()
        .forEach(
            (image, slide) ->
                decodeProblem(image, "slides[" + slide + "].image", "v").ifPresent(problems::add));
  }

  private InvalidDeckException diagnose(RenderPlan plan, FfmpegFailedException failure)
      throws FfmpegFailedException {
    List<Problem> problems = new ArrayList<>();
    plan.batches().forEach(batch -> imageProblems(batch, problems));
    if (problems.isEmpty()) {
      throw failure;
    }
    return new InvalidDeckException(problems.stream().distinct().toList());
  }

  /** Decodes a file fully and returns a problem when FFmpeg cannot. */
  private java.util.Optional<Problem> decodeProblem(Path file, String field, String streamType) {
    ProcessResult r =
        ProcessResult.run(
            List.of(
                tools.ffmpeg().toString(),
                "-hide_banner",
                "-nostdin",
                "-v",
                "error",
                "-xerror",
                "-i",
                file.toString(),
                "-map",
                "0:" + streamType + ":0",
                "-f",
                "null",
                "-"),
            tools.environment(),
            Duration.ofMinutes(2));
    // At -v error any output is an error: damaged images decode to garbage with exit status 0.
    if (r.exitCode() == 0 && r.stderr().isBlank()) {
      return java.util.Optional.empty();
    }
    String why = r.lastLine().replace(file.toString() + ": ", "").replaceAll("^\\[[^]]*] ", "");
    return java.util.Optional.of(new Problem(field, "cannot decode " + file + ": " + why));
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

  private static String diskHint(FfmpegFailedException e) {
    return e.stderrText().contains("No space left") ? " (disk full)" : "";
  }
}
