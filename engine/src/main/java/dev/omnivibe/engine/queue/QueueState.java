package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.store.StaleJobException;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the queue knows, and the one way it changes: {@link #commit} writes new job versions to the
 * store first and only then applies them here and tells the listeners (acks late). One lock guards
 * all of it; every other part of the queue takes it from here.
 */
final class QueueState {
  static final long RANK_GAP = 1 << 16;
  private static final Logger LOG = LoggerFactory.getLogger(QueueState.class);
  final Store store;
  final Clock clock;
  final RandomGenerator random;
  final Map<JobType, JobHandler> handlers;
  final JobGate gate;
  final String node;
  final ReentrantLock lock = new ReentrantLock();
  final Map<QueueName, Lane> lanes = new EnumMap<>(QueueName.class);
  final OpenJobs open = new OpenJobs(this::lane);
  final Followers followers = new Followers();
  final EventBus bus = new EventBus();
  private final Map<String, JobProgress> progress = new ConcurrentHashMap<>();
  // Results a store failure held back; the deadlines' tick saves them when it can.
  private final Map<String, Job> unsaved = new HashMap<>();
  long nextRank;
  boolean started;
  boolean closed;

  QueueState(
      Store store,
      Clock clock,
      RandomGenerator random,
      Map<JobType, JobHandler> handlers,
      Map<QueueName, Integer> workers,
      String node,
      JobGate gate) {
    this.store = store;
    this.clock = clock;
    this.random = random;
    this.handlers = Map.copyOf(handlers);
    this.node = node;
    this.gate = gate;
    for (QueueName q : QueueName.values()) {
      lanes.put(q, new Lane(q, lock.newCondition(), checkWorkers(workers.getOrDefault(q, 1))));
    }
  }

  static int checkWorkers(int workers) {
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("worker count " + workers + " is outside 1-64");
    }
    return workers;
  }

  Lane lane(Job job) {
    return lanes.get(job.queue());
  }

  /** The job, open or finished. */
  Optional<Job> job(String id) {
    Job j = open.get(id);
    return j != null ? Optional.of(j) : store.job(id);
  }

  Job existing(String id) {
    return job(id).orElseThrow(() -> new UnknownJobException(id));
  }

  JobProgress progress(String id) {
    return progress.getOrDefault(id, JobProgress.NONE);
  }

  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the queue is shut down");
    }
  }

  /** Under the lock: commits {@code next} together with the followers that share its fate. */
  void apply(Job next, Instant now) {
    commit(followers.withLeader(next, open::get, now));
  }

  /** Under the lock: writes the new versions (one transaction), then applies them here. */
  void commit(List<Job> changed) {
    if (changed.isEmpty()) {
      return;
    }
    try {
      store.updateAll(changed);
    } catch (StaleJobException e) {
      resync(changed);
      throw e;
    }
    for (Job next : changed) {
      open.place(next);
      bus.publish(new JobEvent(JobEvent.Kind.CHANGED, next, progress(next.id())));
    }
  }

  /**
   * The store holds a newer version of a job than this queue does (a write whose answer was lost, a
   * second writer): take the stored one, so that the caller's retry starts from the truth instead
   * of failing the same way forever.
   */
  private void resync(List<Job> changed) {
    for (Job mine : changed) {
      Job known = open.get(mine.id());
      store
          .job(mine.id())
          .filter(stored -> known == null || stored.version() > known.version())
          .ifPresent(
              stored -> {
                LOG.warn(
                    "job {} was at version {} in the store, {} here; taking the stored one",
                    stored.id(),
                    stored.version(),
                    known == null ? "none" : known.version());
                open.place(stored);
                bus.publish(new JobEvent(JobEvent.Kind.CHANGED, stored, progress(stored.id())));
              });
    }
  }

  /** Under the lock: an attempt's end, or holds it back for the next tick when the store fails. */
  void finished(Job next, Instant now) {
    try {
      apply(next, now);
      progress.remove(next.id());
      if (next.state().isTerminal()) {
        // A finished job may be what a gated job in another lane waits for.
        wakeAll();
      }
    } catch (StoreException e) {
      // The job stays RUNNING here and in the store; the tick saves the result when it can.
      unsaved.put(next.id(), next);
      LOG.error("result of job {} not saved yet, will try again: {}", next.id(), e.getMessage());
    }
  }

  /** Under the lock: saves what {@link #finished} held back. */
  void saveUnsaved(Instant now) {
    for (Job next : new ArrayList<>(unsaved.values())) {
      apply(next, now);
      unsaved.remove(next.id());
      progress.remove(next.id());
    }
  }

  void forgetProgress(String id) {
    progress.remove(id);
  }

  void wakeAll() {
    lanes.values().forEach(l -> l.wake.signalAll());
  }

  /** Progress of a leader is the progress of its followers too. */
  void onProgress(String id, JobProgress p) {
    progress.put(id, p);
    List<String> ids = new ArrayList<>();
    ids.add(id);
    lock.lock();
    try {
      ids.addAll(followers.of(id));
    } finally {
      lock.unlock();
    }
    for (String each : ids) {
      Job j = open.get(each);
      if (j != null) {
        progress.put(each, p);
        bus.publish(new JobEvent(JobEvent.Kind.PROGRESS, j, p));
      }
    }
  }
}
