package dev.omnivibe.engine.render;

import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.h264.SkipFrameWriter;
import dev.omnivibe.engine.platform.CancelToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the FFmpeg steps of one render: each registered with the cancel token, its progress fed to
 * the tracker and its wall time recorded.
 */
final class StepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);
  private final FfmpegTools tools;
  private final ProgressTracker tracker;
  private final CancelToken cancel;
  private final ExecutorService pool;
  private final Map<String, Duration> times = new ConcurrentHashMap<>();
  private final StepLog log;

  StepRunner(
      FfmpegTools tools,
      ProgressTracker tracker,
      CancelToken cancel,
      ExecutorService pool,
      StepLog log) {
    this.log = log;
    this.tools = tools;
    this.tracker = tracker;
    this.cancel = cancel;
    this.pool = pool;
  }

  Map<String, Duration> times() {
    return Map.copyOf(times);
  }

  Future<List<String>> submit(FfmpegStep step) {
    return pool.submit(() -> run(step));
  }

  /**
   * Runs all video batches of a plan in parallel.
   *
   * @return the batches that succeeded but printed errors: FFmpeg decodes a damaged image into a
   *     garbage picture and still exits 0, so an error line is the only sign
   */
  List<VideoBatch> runBatches(RenderPlan plan)
      throws InterruptedException, RenderCancelledException, IOException {
    Map<VideoBatch, Future<List<String>>> futures = new LinkedHashMap<>();
    for (VideoBatch batch : plan.batches()) {
      futures.put(batch, submit(batch.step()));
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
    RenderCancelledException.throwIf(cancel);
    if (failure != null) {
      throw failure;
    }
    return noisy;
  }

  /** Runs one step to completion and returns the error lines FFmpeg printed (usually none). */
  List<String> run(FfmpegStep step) throws IOException, InterruptedException {
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
            step.environment(),
            snap -> {
              // steps report completion only: one process writes several outputs at once
            });
    cancel.register(process);
    try {
      process.await();
    } finally {
      cancel.unregister(process);
    }
    times.merge(step.name(), Duration.ofNanos(System.nanoTime() - t0), Duration::plus);
    log.ended(step.name(), t0);
    tracker.update(step.name(), step.weight(), 1);
    return process.stderrTail().stream().filter(l -> !l.isBlank()).toList();
  }

  /** Streams the assembled H.264 into the mux process, which copies it and the audio into MP4. */
  void join(RenderPlan plan, List<String> args, Map<Segment, SkipFrameWriter> stills)
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
        RenderCancelledException.throwIf(cancel);
        process.await();
        throw e;
      }
      process.await();
    } finally {
      cancel.unregister(process);
    }
    RenderCancelledException.throwIf(cancel);
    times.put("join", Duration.ofNanos(System.nanoTime() - t0));
    log.ended("join", t0);
  }
}
