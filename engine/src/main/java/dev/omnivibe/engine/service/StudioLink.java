package dev.omnivibe.engine.service;

import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.GateVerdict;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.studio.Studio;
import dev.omnivibe.engine.studio.StudioOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The engine's side of a studio: which jobs go to the shared queue (renders whose output goes to
 * the shared folder), what the running node gets for them, and the dispatcher and workers.
 */
public final class StudioLink implements AutoCloseable {
  private final StudioOptions options;
  private final Studio studio;

  /**
   * @throws io.lettuce.core.RedisException naming the URI when Redis cannot be reached
   */
  public StudioLink(StudioOptions options) {
    this.options = options;
    this.studio = Studio.connect(options);
  }

  public Path assetsDir() {
    return options.sharedDir().resolve("assets");
  }

  public Path outputsDir() {
    return options.sharedDir().resolve("outputs");
  }

  public StudioOptions options() {
    return options;
  }

  public void start(
      JobQueue queue,
      Map<JobType, JobHandler> handlers,
      Supplier<EncoderReport> encoders,
      int capacity,
      Clock clock,
      Duration dedupTtl,
      Function<String, Optional<Job>> jobs) {
    studio.start(
        queue.remote(),
        j -> document(j, jobs),
        StudioLink::capability,
        handlers,
        () -> hardware(encoders.get()),
        capacity,
        clock,
        dedupTtl);
  }

  /** The gate's answer after the narration gate let the job start. */
  public GateVerdict gate(Job job) {
    // Asked under the queue's lock for every waiting job on every look for work: a held job is
    // answered from a set, without parsing its payload again.
    if (holds(job.id())) {
      return GateVerdict.WAIT;
    }
    return routes(job) ? studio.hold(job) : GateVerdict.READY;
  }

  /** Renders whose output is in the shared folder run anywhere; the rest stay on this node. */
  public boolean routes(Job job) {
    if (job.type() != JobType.RENDER || !studio.started()) {
      return false;
    }
    return PayloadCodec.render(job).output().startsWith(outputsDir());
  }

  /** The job as the running node gets it: narration jobs replaced by the assets they made. */
  private static String document(Job job, Function<String, Optional<Job>> jobs) {
    JobBuilder b = job.edit();
    if (job.type() == JobType.RENDER) {
      RenderPayload p = PayloadCodec.render(job);
      b.payload = PayloadCodec.write(p.withNeeds(Narrations.resolved(p.needs(), jobs)));
    }
    return JobCodec.write(b.build());
  }

  /** A render that names a hardware encoder runs only on nodes where it works. */
  public static String capability(Job job) {
    if (job.type() != JobType.RENDER) {
      return null;
    }
    String encoder = PayloadCodec.render(job).encoder().toLowerCase(Locale.ROOT).trim();
    if (encoder.equals("auto") || !EncoderProfile.supported(encoder) || encoder.startsWith("lib")) {
      return null;
    }
    return encoder;
  }

  public static Set<String> hardware(EncoderReport report) {
    return report.encoders().stream()
        .filter(s -> s.usable() && s.hardware())
        .map(EncoderStatus::name)
        .collect(Collectors.toSet());
  }

  public java.util.List<String> runningHere() {
    return studio.runningHere();
  }

  /** True for a job of this node that the studio runs (it waits here meanwhile). */
  public boolean holds(String jobId) {
    return studio.holds(jobId);
  }

  @Override
  public void close() {
    studio.close();
  }
}
