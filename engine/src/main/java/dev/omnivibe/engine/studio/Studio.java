package dev.omnivibe.engine.studio;

import dev.omnivibe.engine.adapters.redis.StreamBroker;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.queue.GateVerdict;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.queue.RemoteAttempts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * This node's membership of a studio: the connection to the shared queue (Redis Streams), the
 * dispatcher that publishes this node's jobs and applies what other nodes report, and the workers
 * that run other nodes' jobs here.
 */
public final class Studio implements AutoCloseable {
  private final StudioOptions options;
  private final StreamBroker broker;
  private Dispatcher dispatcher;
  private StudioWorkers workers;

  private Studio(StudioOptions options, StreamBroker broker) {
    this.options = options;
    this.broker = broker;
  }

  /**
   * @throws io.lettuce.core.RedisException naming the URI when Redis cannot be reached
   */
  public static Studio connect(StudioOptions options) {
    return new Studio(
        options, new StreamBroker(options.redis(), options.node(), options.reclaimAfter()));
  }

  public StudioOptions options() {
    return options;
  }

  /**
   * Starts publishing and running.
   *
   * @param document the job as the running node gets it
   * @param capability what a node needs to run a job, or null for any node
   * @param hardware what this node can run besides plain jobs (its usable hardware encoders)
   * @param capacity how many studio jobs this node runs at once (0: submit only)
   */
  public void start(
      RemoteAttempts queue,
      Function<Job, String> document,
      Function<Job, String> capability,
      Map<JobType, JobHandler> handlers,
      Supplier<Set<String>> hardware,
      int capacity,
      Clock clock,
      Duration dedupTtl) {
    dispatcher = new Dispatcher(broker, queue, document, capability, options.pollEvery());
    workers =
        new StudioWorkers(
            broker, handlers, hardware, capacity, clock, options.reclaimAfter(), dedupTtl);
  }

  public boolean started() {
    return dispatcher != null;
  }

  /** Publishes the job (once) and makes it wait here while another node runs it. */
  public GateVerdict hold(Job job) {
    return dispatcher.hold(job);
  }

  /** True for a job of this node that the studio runs (it waits here meanwhile). */
  public boolean holds(String jobId) {
    return dispatcher != null && dispatcher.holds(jobId);
  }

  /** Ids of other nodes' jobs running here now. */
  public List<String> runningHere() {
    return workers == null ? List.of() : workers.running();
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
