package dev.omnivibe.engine.service;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.payload.NarrationPayload;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.JobFailedException;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.tts.SpeechFailedException;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs narration jobs on the audio queue: speaks the text with espeak-ng, brings it to the target
 * loudness (two-pass loudnorm, faded ends) and stores the WAV as a content-addressed asset.
 */
public final class NarrationJobHandler implements JobHandler {
  private final Narrator narrator;
  private final AssetStore assets;
  private final Path work;
  private final PerformanceMonitor monitor;

  public NarrationJobHandler(
      Narrator narrator, AssetStore assets, Path work, PerformanceMonitor monitor) {
    this.narrator = narrator;
    this.assets = assets;
    this.work = work;
    this.monitor = monitor;
  }

  @Override
  public JobResult run(JobContext ctx) throws JobFailedException {
    NarrationPayload p = PayloadCodec.narration(ctx.job());
    long started = System.nanoTime();
    Path dir = work.resolve("narration-" + ctx.job().id());
    try {
      ctx.progress(new JobProgress(10, Double.NaN, 0, "speak"));
      Path result = narrator.speak(p, dir);
      if (ctx.cancelToken().isCancelled()) {
        throw new JobFailedException(
            FailureKind.TRANSIENT, "stopped: " + ctx.cancelToken().reason(), null);
      }
      Path tmp = assets.temp();
      Files.copy(result, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      long bytes = Files.size(tmp);
      String sha = assets.adopt(tmp);
      double seconds = narrator.seconds(assets.file(sha));
      long wall = (System.nanoTime() - started) / 1_000_000;
      monitor.record(
          "narration",
          "audio",
          wall,
          Status.SUCCESS,
          Map.of("voice", p.speech().voice(), "seconds", seconds));
      return new JobResult(
          assets.file(sha).toString(),
          bytes,
          sha,
          narrator.engineName(),
          null,
          0,
          0,
          seconds,
          wall,
          seconds / Math.max(0.001, wall / 1000.0),
          null);
    } catch (SpeechFailedException e) {
      throw failed(FailureKind.BAD_INPUT, e.getMessage(), e, started);
    } catch (SpeechUnavailableException e) {
      throw failed(FailureKind.BAD_INPUT, e.getMessage(), e, started);
    } catch (dev.omnivibe.engine.media.MediaException e) {
      throw failed(
          FailureKind.BAD_INPUT, "the spoken audio is unreadable: " + e.getMessage(), e, started);
    } catch (IOException e) {
      throw failed(FailureKind.TRANSIENT, e.getMessage(), e, started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(FailureKind.TRANSIENT, "interrupted", e, started);
    } finally {
      dev.omnivibe.engine.platform.FileTrees.deleteQuietly(dir);
    }
  }

  private JobFailedException failed(
      FailureKind kind, String message, Exception cause, long started) {
    monitor.record(
        "narration",
        "audio",
        (System.nanoTime() - started) / 1e6,
        Status.ERROR,
        Map.of("failure", kind.name()));
    return new JobFailedException(kind, message, cause);
  }
}
