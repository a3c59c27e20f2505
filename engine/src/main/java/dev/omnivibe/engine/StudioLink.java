package dev.omnivibe.engine;

import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.JobGate;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.studio.Dispatcher;
import dev.omnivibe.engine.studio.StreamBroker;
import dev.omnivibe.engine.studio.StudioOptions;
import dev.omnivibe.engine.studio.StudioWorkers;
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
final class StudioLink implements AutoCloseable {
  private final StudioOptions options;
  private final StreamBroker broker;
  private Dispatcher dispatcher;
  private StudioWorkers workers;

  /**
   * @throws io.lettuce.core.RedisException naming the URI when Redis cannot be reached
   */
  StudioLink(StudioOptions options) {
    this.options = options;
    this.broker = new StreamBroker(options.redis(), options.node(), options.reclaimAfter());
  }

  Path assetsDir() {
    return options.sharedDir().resolve("assets");
  }

  Path outputsDir() {
    return options.sharedDir().resolve("outputs");
  }

  StudioOptions options() {
    return options;
  }

  void start(
      JobQueue queue,
      Map<JobType, JobHandler> handlers,
      Supplier<EncoderReport> encoders,
      int capacity,
      Clock clock,
      Duration dedupTtl,
      Function<String, Optional<Job>> jobs) {
    dispatcher =
        new Dispatcher(
            broker,
            queue.remote(),
            j -> document(j, jobs),
            StudioLink::capability,
            options.pollEvery());
    workers =
        new StudioWorkers(
            broker,
            handlers,
            () -> hardware(encoders.get()),
            capacity,
            clock,
            options.reclaimAfter(),
            dedupTtl);
  }

  /** The gate's answer after the narration gate let the job start. */
  JobGate.Verdict gate(Job job) {
    // Asked under the queue's lock for every waiting job on every look for work: a held job is
    // answered from a set, without parsing its payload again.
    if (holds(job.id())) {
      return JobGate.Verdict.WAIT;
    }
    return routes(job) ? dispatcher.hold(job) : JobGate.Verdict.READY;
  }

  /** Renders whose output is in the shared folder run anywhere; the rest stay on this node. */
  boolean routes(Job job) {
    if (job.type() != JobType.RENDER || dispatcher == null) {
      return false;
    }
    return PayloadCodec.render(job).output().startsWith(outputsDir());
  }

  /** The job as the running node gets it: narration jobs replaced by the assets they made. */
  private static String document(Job job, Function<String, Optional<Job>> jobs) {
    Job.Builder b = job.edit();
    if (job.type() == JobType.RENDER) {
      RenderPayload p = PayloadCodec.render(job);
      b.payload = PayloadCodec.write(p.withNeeds(Narrations.resolved(p.needs(), jobs)));
    }
    return JobCodec.write(b.build());
  }

  /** A render that names a hardware encoder runs only on nodes where it works. */
  static String capability(Job job) {
    if (job.type() != JobType.RENDER) {
      return null;
    }
    String encoder = PayloadCodec.render(job).encoder().toLowerCase(Locale.ROOT).trim();
    if (encoder.equals("auto") || !EncoderProfile.supported(encoder) || encoder.startsWith("lib")) {
      return null;
    }
    return encoder;
  }

  static Set<String> hardware(EncoderReport report) {
    return report.encoders().stream()
        .filter(s -> s.usable() && s.hardware())
        .map(EncoderStatus::name)
        .collect(Collectors.toSet());
  }

  java.util.List<String> runningHere() {
    return workers == null ? java.util.List.of() : workers.running();
  }

  /** True for a job of this node that the studio runs (it waits here meanwhile). */
  boolean holds(String jobId) {
    return dispatcher != null && dispatcher.holds(jobId);
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (workers != null) {
      workers.close();
    }
    broker.close();
  }
}
