package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.PreparedDeck;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.JobFailedException;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.render.RenderCancelledException;
import dev.omnivibe.engine.render.RenderFailedException;
import dev.omnivibe.engine.render.RenderResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** Runs render jobs: prepares the stored deck, renders it, and records timings and history. */
public final class RenderJobHandler implements JobHandler {
  private final RenderPipeline pipeline;
  private final DeckPreparation preparation;
  private final Supplier<EncoderReport> encoders;
  private final Path assets;
  private final PerformanceMonitor monitor;
  private final RenderEstimator estimator;
  private final Narrations narrations;
  private final FfmpegTools tools;
  private final Path work;

  public RenderJobHandler(
      RenderPipeline pipeline,
      DeckPreparation preparation,
      Supplier<EncoderReport> encoders,
      Path assets,
      PerformanceMonitor monitor,
      RenderEstimator estimator,
      Narrations narrations,
      FfmpegTools tools,
      Path work) {
    this.pipeline = pipeline;
    this.preparation = preparation;
    this.encoders = encoders;
    this.assets = assets;
    this.monitor = monitor;
    this.estimator = estimator;
    this.narrations = narrations;
    this.tools = tools;
    this.work = work;
  }

  @Override
  public JobResult run(JobContext ctx) throws JobFailedException {
    long started = System.nanoTime();
    String encoder = null;
    try {
      RenderPayload p = PayloadCodec.render(ctx.job());
      Deck deck = p.deck().withNarrations(narrations.spoken(p));
      PreparedDeck prepared = preparation.prepare(deck, new AssetMedia(assets, deck.baseDir()));
      EncoderProfile profile =
          ctx.softwareOnly()
              ? EncoderProfile.software()
              : EncoderSelector.select(p.encoder(), encoders.get(), tools);
      encoder = profile.encoder();
      RenderResult r =
          pipeline.render(
              prepared,
              p.output(),
              profile,
              rp ->
                  ctx.progress(
                      new JobProgress(rp.percent(), rp.etaSeconds(), rp.speed(), rp.phase())),
              ctx.cancelToken(),
              work.resolve("audio-" + ctx.job().id()));
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
