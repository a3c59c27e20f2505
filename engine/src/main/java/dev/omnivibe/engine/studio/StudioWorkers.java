package dev.omnivibe.engine.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.adapters.redis.SharedResults;
import dev.omnivibe.engine.adapters.redis.StreamBroker;
import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.queue.Outcome;
import dev.omnivibe.engine.queue.StopReason;
import dev.omnivibe.engine.store.JobCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running side of a studio: {@code capacity} workers take jobs from the shared queue (highest
 * priority first, only what this node's capabilities allow), run them with the same handlers as the
 * local queue, and record how each attempt ended once for the studio.
 *
 * <p>While a job runs, a heartbeat renews the claim every quarter of the reclaim time, checks
 * whether the submitter cancelled it, and applies its time limits. A heartbeat that finds the claim
 * gone (this node was presumed dead) stops the job and drops its result: the node that took it over
 * finishes it.
 */
public final class StudioWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StudioWorkers.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<QueueName> QUEUES = Set.of(QueueName.VIDEO, QueueName.AUDIO);
  private final StreamBroker broker;
  private final Map<JobType, JobHandler> handlers;
  private final Supplier<Set<String>> capabilities;
  private final Clock clock;
  private final SharedResults shared;
  private final Map<String, StudioAttempt> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService beat =
      Executors.newSingleThreadScheduledExecutor(
          r -> Threads.daemon(r, "omnivibe-studio-heartbeat"));
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(r -> Threads.daemon(r, "omnivibe-studio-stop"));
  private volatile boolean closed;

  /**
   * @param capabilities what this node can run besides plain jobs (its usable hardware encoders)
   * @param dedupTtl how long a result stays reusable by identical jobs on any node
   */
  public StudioWorkers(
      StreamBroker broker,
      Map<JobType, JobHandler> handlers,
      Supplier<Set<String>> capabilities,
      int capacity,
      Clock clock,
      Duration reclaimAfter,
      Duration dedupTtl) {
    this.broker = broker;
    this.handlers = Map.copyOf(handlers);
    this.capabilities = capabilities;
    this.clock = clock;
    this.shared = broker.results(dedupTtl, reclaimAfter);
    long every = Math.max(50, reclaimAfter.toMillis() / 4);
    beat.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    for (int i = 1; i <= capacity; i++) {
      Thread t = Threads.daemon(this::work, "omnivibe-studio-worker-" + i);
      threads.add(t);
      t.start();
    }
  }

  /** Ids of the jobs this node runs for the studio now. */
  public List<String> running() {
    return running.values().stream().map(a -> a.job.id()).toList();
  }

  private void work() {
    long idle = 20;
    while (!closed) {
      Optional<Delivery> next;
      try {
        next = broker.take(QUEUES, capabilities.get());
      } catch (RuntimeException e) {
        LOG.warn("studio queue unreachable, will retry: {}", e.getMessage());
        Threads.pause(Duration.ofSeconds(1));
        continue;
      }
      if (next.isEmpty()) {
        // Polling, not a blocking read: one blocking read cannot keep the priority order
        // across streams. Backing off to 250 ms keeps an idle studio quiet.
        Threads.pause(Duration.ofMillis(idle));
        idle = Math.min(250, idle * 2);
        continue;
      }
      idle = 20;
      run(next.get());
    }
  }

  private void run(Delivery d) {
    StudioAttempt a;
    try {
      JsonNode doc = JSON.readTree(d.document());
      Job job = JobCodec.read(doc.path("job").asText());
      a = new StudioAttempt(d, job, doc.path("from").asText(), clock.instant());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      finish(d, null, Outcome.failed(FailureKind.BAD_INPUT, "unreadable studio job: " + e), null);
      return;
    }
    running.put(d.entry(), a);
    try {
      Outcome outcome = attempt(a);
      if (a.lost) {
        LOG.info("job {} was taken over by another node; dropping this attempt", a.job.id());
        return;
      }
      finish(d, a, outcome, a.stop());
    } finally {
      running.remove(d.entry());
    }
  }

  private Outcome attempt(StudioAttempt a) {
    String key = a.job.dedupKey();
    try {
      if (broker.cancelled(a.delivery)) {
        a.stop(StopReason.USER, stopper);
        return Outcome.failed(FailureKind.TRANSIENT, "cancelled before it started");
      }
      while (key != null) {
        Optional<JobResult> earlier = shared.lookup(key);
        if (earlier.isPresent()) {
          return Outcome.success(earlier.get());
        }
        if (shared.claim(key, a.delivery.entry())) {
          break;
        }
        // An identical job renders on another node; its result will answer this one too.
        Threads.pause(Duration.ofMillis(250));
        if (a.stop() != null || closed) {
          return Outcome.failed(
              FailureKind.TRANSIENT, "stopped while waiting for an identical job");
        }
      }
    } catch (RuntimeException e) {
      return Outcome.failed(FailureKind.TRANSIENT, "studio queue unreachable: " + e.getMessage());
    }
    tell(a, JSON.createObjectNode().put("e", "started").put("node", broker.node()));
    Job job = a.job.to(JobState.RUNNING, clock.instant());
    a.context = new JobContext(job, a.token, clock, p -> progress(a, p));
    Outcome outcome = Outcome.of(handlers.get(job.type()), a.context);
    if (key != null) {
      try {
        if (outcome.succeeded() && a.stop() == null && !a.lost) {
          shared.remember(key, a.delivery.entry(), outcome.result());
        } else {
          shared.release(key, a.delivery.entry());
        }
      } catch (RuntimeException e) {
        LOG.debug("dedup record for job {} not written: {}", job.id(), e.getMessage());
      }
    }
    return outcome;
  }

  private void progress(StudioAttempt a, JobProgress p) {
    tell(
        a,
        JSON.createObjectNode()
            .put("e", "progress")
            .put("percent", p.percent())
            .put("eta", p.etaSeconds())
            .put("speed", p.speed())
            .put("phase", p.phase()));
  }

  private void tell(StudioAttempt a, com.fasterxml.jackson.databind.node.ObjectNode message) {
    try {
      broker.tell(a.submitter, message.put("job", a.job.id()).toString());
    } catch (RuntimeException e) {
      LOG.debug("could not tell {} about job {}: {}", a.submitter, a.job.id(), e.getMessage());
    }
  }

  /**
   * Records the attempt once for the studio. A result must not be lost to a Redis outage, so this
   * tries until Redis answers or the node shuts down (the job is then reclaimed by another node).
   */
  private void finish(Delivery d, StudioAttempt a, Outcome outcome, StopReason stop) {
    String record = new AttemptRecord(broker.node(), outcome, stop).json();
    while (!closed) {
      try {
        if (!broker.complete(d, record)) {
          LOG.info("job {} was already completed by another node", d.jobId());
        }
        if (a != null) {
          tell(a, JSON.createObjectNode().put("e", "ended"));
        }
        return;
      } catch (RuntimeException e) {
        LOG.warn("cannot record job {} yet, will retry: {}", d.jobId(), e.getMessage());
        Threads.pause(Duration.ofMillis(500));
      }
    }
  }

  private void heartbeat() {
    Instant now = clock.instant();
    for (StudioAttempt a : running.values()) {
      try {
        if (!broker.heartbeat(a.delivery)) {
          a.lost = true;
          a.stop(StopReason.SHUTDOWN, stopper);
          continue;
        }
        if (a.job.dedupKey() != null) {
          shared.renew(a.job.dedupKey(), a.delivery.entry());
        }
        if (broker.cancelled(a.delivery)) {
          a.stop(StopReason.USER, stopper);
        }
      } catch (RuntimeException e) {
        // Redis is restarting: the claim outlives a few missed beats (reclaim takes four).
        LOG.debug("studio heartbeat for job {} failed: {}", a.job.id(), e.getMessage());
      }
      StopReason limit = a.overLimit(now);
      if (limit != null) {
        a.stop(limit, stopper);
      }
    }
  }

  /**
   * Stops taking jobs. Jobs running now are stopped without a record, so the studio reclaims them
   * once their claims lapse.
   */
  @Override
  public void close() {
    closed = true;
    beat.shutdownNow();
    for (StudioAttempt a : running.values()) {
      a.lost = true;
      a.stop(StopReason.SHUTDOWN, stopper);
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopper.shutdown();
  }
}
