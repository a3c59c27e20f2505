package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.DeckResolver;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.JobFailedException;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.render.RenderCancelledException;
import dev.omnivibe.engine.render.RenderFailedException;
import dev.omnivibe.engine.render.RenderResult;
import dev.omnivibe.engine.render.Renderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs render jobs: resolves the stored deck, renders it, and records timings and history. */
final class RenderJobHandler implements JobHandler {
  private final Renderer renderer;
  private final DeckResolver resolver;
  private final Supplier<EncoderReport> encoders;
  private final Path assets;
  private final PerformanceMonitor monitor;
  private final RenderEstimator estimator;
  private final Function<String, Optional<Job>> jobs;
  private final FfmpegTools tools;
  private final Path work;

  RenderJobHandler(
      Renderer renderer,
      DeckResolver resolver,
      Supplier<EncoderReport> encoders,
      Path assets,
      PerformanceMonitor monitor,
      RenderEstimator estimator,
      Function<String, Optional<Job>> jobs,
      FfmpegTools tools,
      Path work) {
    this.jobs = jobs;
    this.tools = tools;
    this.work = work;
    this.renderer = renderer;
    this.resolver = resolver;
    this.encoders = encoders;
    this.assets = assets;
    this.monitor = monitor;
    this.estimator = estimator;
  }

  @Override
  public JobResult run(JobContext ctx) throws JobFailedException {
    RenderPayload p = RenderPayload.of(ctx.job().payload().node());
    long started = System.nanoTime();
    String encoder = null;
    Path audioWork = work.resolve("audio-" + ctx.job().id());
    try {
      AudioOptions audio = AudioOptions.of(p.deck());
      AssetMedia media = new AssetMedia(assets, p.baseDir());
      ResolvedDeck deck =
          resolver.resolve(
              DeckReader.fromTree(
                  AudioOptions.core(Narrations.spokenDeck(p.deck(), p.needs(), jobs)), p.baseDir()),
              media);
      if (audio.present()) {
        ctx.progress(new JobProgress(0, Double.NaN, 0, "narration loudness"));
        deck = AudioFinish.narration(tools, deck, audio.lufs(), audioWork);
      }
      EncoderProfile profile =
          ctx.softwareOnly()
              ? EncoderProfile.software()
              : EncoderSelector.select(p.encoder(), encoders.get(), tools);
      encoder = profile.encoder();
      RenderResult r =
          renderer.render(
              deck,
              p.output(),
              profile,
              rp ->
                  ctx.progress(
                      new JobProgress(rp.percent(), rp.etaSeconds(), rp.speed(), rp.phase())),
              ctx.cancelToken());
      if (audio.music() != null) {
        ctx.progress(new JobProgress(99, Double.NaN, 0, "music"));
        r = AudioFinish.music(tools, r, media.resolve(audio.music()), audio, audioWork);
      }
      String sha = ContentHasher.fresh(r.output());
      record(r);
      estimator.learn(r.encoder(), p.workload(), r.wallTime().toNanos() / 1e9);
      return new JobResult(
          r.output().toString(),
          r.bytes(),
          sha,
          r.encoder(),
          r.fallbackReason(),
          r.frames(),
          p.workload().uniqueFrames(),
          r.videoSeconds(),
          r.wallTime().toMillis(),
          r.speed(),
          r.ffmpeg());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(FailureKind.TRANSIENT, "interrupted", e, started, encoder);
    } catch (InvalidDeckException | IllegalArgumentException e) {
      throw failed(FailureKind.BAD_INPUT, e.getMessage(), e, started, encoder);
    } catch (RenderFailedException e) {
      FailureKind kind = e.encoderFault() ? FailureKind.ENCODER : FailureKind.TRANSIENT;
      throw failed(kind, e.getMessage(), e, started, encoder);
    } catch (RenderCancelledException e) {
      throw failed(FailureKind.TRANSIENT, "stopped: " + e.getMessage(), e, started, encoder);
    } catch (IOException e) {
      throw failed(
          FailureKind.TRANSIENT,
          "cannot finish the output: " + e.getMessage(),
          e,
          started,
          encoder);
    } finally {
      dev.omnivibe.engine.platform.FileTrees.deleteQuietly(audioWork);
    }
  }

  private void record(RenderResult r) {
    monitor.record(
        "render",
        "render",
        r.wallTime().toNanos() / 1e6,
        Status.SUCCESS,
        Map.of(
            "encoder", r.encoder(),
            "speed", r.speed(),
            "frames", r.frames(),
            "videoSeconds", r.videoSeconds()));
    r.stepTimes()
        .forEach(
            (step, d) ->
                monitor.record(
                    step,
                    "render-step",
                    d.toNanos() / 1e6,
                    Status.SUCCESS,
                    Map.of("encoder", r.encoder())));
  }

  private JobFailedException failed(
      FailureKind kind, String message, Exception cause, long started, String encoder) {
    monitor.record(
        "render",
        "render",
        (System.nanoTime() - started) / 1e6,
        Status.ERROR,
        Map.of("encoder", encoder == null ? "none" : encoder, "failure", kind.name()));
    return new JobFailedException(kind, message, cause);
  }
}
