package dev.omnivibe.engine.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.adapters.redis.StreamBroker;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.queue.GateVerdict;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import dev.omnivibe.engine.queue.RemoteAttempts;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submitting side of a studio (ADR 9): jobs this node stores, which any node of the studio may
 * run. The local queue keeps them QUEUED behind its gate ({@link #hold}); this class publishes each
 * attempt to the shared queue once, hears progress from the node running it, and applies how the
 * attempt ended to the local record, so the API, the window and the store see ordinary events.
 *
 * <p>Results are read from Redis (the broker's completion record), not from the lossy event
 * channel: a result that arrives while this node is down is applied when it comes back.
 */
public final class Dispatcher implements JobListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StreamBroker broker;
  private final RemoteAttempts queue;
  private final Function<Job, String> document;
  private final Function<Job, String> capability;

  /** Jobs the gate handed over for their current attempt. */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /** Published attempts awaiting a result: job id to stream entry. */
  private final Map<String, String> out = new ConcurrentHashMap<>();

  private final BlockingQueue<String> toPublish = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService applier =
      Executors.newSingleThreadScheduledExecutor(r -> Threads.daemon(r, "omnivibe-studio-apply"));
  private final Thread publisher = Threads.daemon(this::publishLoop, "omnivibe-studio-publish");
  private final AutoCloseable events;
  private volatile boolean closed;

  /**
   * @param document the JSON the running node gets for a job (its media made reachable)
   * @param capability what a node needs to run the job, or null for any node
   * @param pollEvery how often results are looked for besides the event that announces them
   */
  public Dispatcher(
      StreamBroker broker,
      RemoteAttempts queue,
      Function<Job, String> document,
      Function<Job, String> capability,
      Duration pollEvery) {
    this.broker = broker;
    this.queue = queue;
    this.document = document;
    this.capability = capability;
    this.events = broker.listen(m -> applier.execute(() -> onEvent(m)));
    queue.addListener(this);
    queue.onCancel(this::cancelRemote);
    publisher.start();
    long every = pollEvery.toMillis();
    applier.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The gate's answer for a job the studio runs: it waits here, and its attempt is published (once)
   * the first time it is held. Called under the queue's lock, so it only records the id.
   */
  public GateVerdict hold(Job job) {
    if (held.add(job.id())) {
      toPublish.add(job.id());
    }
    return GateVerdict.WAIT;
  }

  /** True for a job whose current attempt the studio runs (it waits here). */
  public boolean holds(String jobId) {
    return held.contains(jobId);
  }

  private void publishLoop() {
    while (!closed) {
      String id;
      try {
        id = toPublish.take();
      } catch (InterruptedException e) {
        return;
      }
      Job job = queue.job(id).orElse(null);
      if (job == null || job.state() != JobState.QUEUED) {
        held.remove(id);
        continue;
      }
      try {
        String entry =
            broker.publishOnce(
                job.queue(),
                job.priority(),
                capability.apply(job),
                id,
                JSON.createObjectNode()
                    .put("from", broker.node())
                    .put("job", document.apply(job))
                    .toString());
        out.put(id, entry);
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("cannot publish job {} to the studio, will retry: {}", id, e.getMessage());
        Threads.pause(Duration.ofSeconds(1));
        toPublish.add(id);
      }
    }
  }

  /** Looks up results of every attempt that is out; catches what the event channel lost. */
  private void poll() {
    if (out.isEmpty() || closed) {
      return;
    }
    try {
      Map<String, String> attempts = new HashMap<>(out);
      Map<String, String> done = broker.completions(attempts);
      // Each on its own: one record the store refuses now must not hold back the others.
      done.forEach(
          (id, record) -> {
            try {
              apply(id, record);
            } catch (RuntimeException e) {
              LOG.warn("result of job {} not applied now, will retry: {}", id, e.toString());
            }
          });
      List<String> waiting =
          attempts.keySet().stream().filter(id -> !done.containsKey(id)).toList();
      for (String id : broker.unpublished(waiting)) {
        // Redis lost the attempt (restarted without its append-only file): publish it again,
        // unless a node already runs it; that node's record still arrives.
        if (queue.job(id).map(j -> j.state() != JobState.QUEUED).orElse(true)) {
          continue;
        }
        LOG.warn("job {} is no longer in the studio queue; publishing it again", id);
        out.remove(id);
        toPublish.add(id);
      }
    } catch (RuntimeException e) {
      LOG.warn("studio results not applied now, will retry: {}", e.toString());
    }
  }

  private void onEvent(String message) {
    try {
      JsonNode m = JSON.readTree(message);
      String id = m.path("job").asText();
      switch (m.path("e").asText()) {
        case "started" -> queue.started(id, m.path("node").asText("another node"));
        case "progress" ->
            queue.progress(
                id,
                new JobProgress(
                    m.path("percent").asDouble(),
                    m.path("eta").asDouble(Double.NaN),
                    m.path("speed").asDouble(),
                    m.path("phase").asText("")));
        case "ended" -> {
          String entry = out.get(id);
          if (entry != null) {
            broker.completion(id, entry).ifPresent(r -> apply(id, r));
          }
        }
        default -> LOG.debug("unknown studio event {}", message);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      LOG.debug("studio event not applied ({}): {}", e.getMessage(), message);
    }
  }

  /** Applies an attempt's record; runs on the one applier thread, so never twice at once. */
  private void apply(String id, String stored) {
    if (closed || !out.containsKey(id)) {
      return;
    }
    AttemptRecord r = AttemptRecord.parse(stored);
    // If this throws (the store is busy), the attempt stays out and the next poll applies it.
    Job next = queue.ended(id, r.outcome(), r.stop(), r.node());
    out.remove(id);
    held.remove(id);
    broker.forget(id);
    LOG.debug(
        "job {} ran on {}: {}", id, r.node(), next == null ? "already finished" : next.state());
  }

  /** The queue cancelled a job that runs elsewhere: tell its node (under the queue's lock). */
  private void cancelRemote(String id) {
    String entry = out.get(id);
    if (entry != null) {
      applier.execute(() -> broker.cancel(id, entry));
    }
  }

  /** A held job cancelled here before any node finished it: its attempt is withdrawn. */
  @Override
  public void onEvent(JobEvent e) {
    if (e.kind() != JobEvent.Kind.CHANGED || e.job().state() != JobState.CANCELLED) {
      return;
    }
    String id = e.job().id();
    held.remove(id);
    String entry = out.remove(id);
    if (entry != null) {
      applier.execute(
          () -> {
            broker.cancel(id, entry);
            broker.forget(id);
          });
    }
  }

  /** Stops publishing and applying; attempts that are out stay out and are picked up next start. */
  @Override
  public void close() {
    closed = true;
    queue.removeListener(this);
    publisher.interrupt();
    applier.shutdownNow();
    try {
      events.close();
    } catch (Exception e) {
      LOG.debug("closing the studio event channel: {}", e.getMessage());
    }
  }
}
