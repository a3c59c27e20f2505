package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.IllegalTransitionException;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobConflictException;
import dev.omnivibe.engine.job.JobError;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.TimeLimits;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.render.CancelToken;
import dev.omnivibe.engine.store.StaleJobException;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job queue: named lanes with their own workers, priority 0-9 (9 first) and FIFO within a
 * priority, retries with back-off, time limits, and merging of identical open jobs.
 *
 * <p>Every state change is written to the store before it takes effect here (acks late): a job is
 * RUNNING in the store for as long as it runs, and {@link #start()} queues again whatever a dead
 * process left RUNNING, keeping its attempt count. One lock guards the in-memory state; listeners
 * are called after it is released. Time comes from the injected clock, and {@link #tick()} (called
 * by a timer, or by tests after moving the clock) applies retries and limits.
 */
public final class JobQueue implements QueueControl, AutoCloseable {
  static final long RANK_GAP = 1 << 16;
  private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
  private final Store store;
  private final Clock clock;
  private final Map<JobType, JobHandler> handlers;
  private final RandomGenerator random;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<QueueName, Lane> lanes = new EnumMap<>(QueueName.class);
  private final OpenJobs open = new OpenJobs(this::lane);
  private final Followers followers = new Followers();
  private final Map<String, JobProgress> progress = new ConcurrentHashMap<>();
  private final Map<String, Job> unsaved = new HashMap<>();
  private final EventBus bus = new EventBus();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(r -> daemon(r, "omnivibe-stop"));
  private long nextRank;
  private final JobGate gate;
  private boolean started;
  private boolean closed;
  private volatile java.util.function.Consumer<String> remoteCancel = id -> {};
  private final String node;

  public JobQueue(
      Store store,
      Clock clock,
      Map<JobType, JobHandler> handlers,
      Map<QueueName, Integer> workers,
      RandomGenerator random) {
    this(store, clock, handlers, workers, random, "local", JobGate.OPEN);
  }

  /**
   * @param node this node's name, recorded on each attempt that runs here
   */
  public JobQueue(
      Store store,
      Clock clock,
      Map<JobType, JobHandler> handlers,
      Map<QueueName, Integer> workers,
      RandomGenerator random,
      String node,
      JobGate gate) {
    this.gate = gate;
    this.node = node;
    this.store = store;
    this.clock = clock;
    this.handlers = Map.copyOf(handlers);
    this.random = random;
    for (QueueName q : QueueName.values()) {
      lanes.put(q, new Lane(q, lock.newCondition(), checkWorkers(workers.getOrDefault(q, 1))));
    }
  }

  /**
   * Rebuilds the queue from the store, queueing again the jobs a dead process left RUNNING, then
   * starts the workers.
   *
   * @return how many interrupted jobs were queued again
   */
  public int start() {
    int recovered;
    lock.lock();
    try {
      if (started) {
        throw new IllegalStateException("the queue is already started");
      }
      Recovery.Result r = Recovery.run(store, clock.instant(), followers);
      r.jobs().forEach(open::place);
      recovered = r.requeued();
      nextRank = store.maxRank();
      started = true;
      lanes
          .values()
          .forEach(
              l -> {
                for (int i = 0; i < l.targetWorkers; i++) {
                  startWorker(l);
                }
              });
    } finally {
      lock.unlock();
    }
    return recovered;
  }

  /**
   * Adds a job. When {@code job.dedupKey()} matches an open job, the new job follows it instead of
   * running again.
   *
   * @throws StoreException when the job cannot be stored; nothing is queued then
   */
  public Job submit(NewJob job) {
    Job created;
    lock.lock();
    try {
      ensureOpen();
      String id = UUID.randomUUID().toString();
      Instant now = clock.instant();
      Job leader = open.leader(job.dedupKey());
      if (leader != null) {
        created =
            job.create(id, leader.rank(), leader.state(), leader.id(), leader.startedAt(), now);
      } else {
        nextRank += RANK_GAP;
        created = job.create(id, nextRank, JobState.QUEUED, null, null, now);
      }
      store.insert(created);
      if (leader != null) {
        followers.add(leader.id(), id);
      }
      open.place(created);
      bus.publish(new JobEvent(JobEvent.Kind.CHANGED, created, JobProgress.NONE));
    } finally {
      lock.unlock();
    }
    return created;
  }

  /** Stores a job that is already finished (an identical earlier result answered it). */
  public Job record(Job finished) {
    if (!finished.state().isTerminal()) {
      throw new IllegalArgumentException("only finished jobs can be recorded");
    }
    store.insert(finished);
    bus.publish(new JobEvent(JobEvent.Kind.CHANGED, finished, JobProgress.DONE));
    return finished;
  }

  /** The job, open or finished. */
  public Optional<Job> job(String id) {
    Job j = open.get(id);
    return j != null ? Optional.of(j) : store.job(id);
  }

  private Job existing(String id) {
    return job(id).orElseThrow(() -> new UnknownJobException(id));
  }

  /** Latest progress of a running job, {@link JobProgress#NONE} otherwise. */
  public JobProgress progress(String id) {
    return progress.getOrDefault(id, JobProgress.NONE);
  }

  /**
   * Cancels a job. A queued job is cancelled at once; a running one is asked to stop and becomes
   * CANCELLED when its render has stopped (leaving no output file).
   *
   * @throws IllegalTransitionException when the job has already finished
   */
  @Override
  public Job cancel(String id) {
    return change(
        id,
        cur -> {
          if (cur.state() == JobState.RUNNING && !cur.isFollower()) {
            RunningJob run = lane(cur).running.get(id);
            if (run != null) {
              run.stop(StopReason.USER, "cancelled", stopper);
            } else {
              // Running on another node of the studio: that node stops it and reports back.
              remoteCancel.accept(id);
            }
            return null;
          }
          if (cur.isFollower()) {
            followers.remove(cur.mergedInto(), id);
          }
          return cur.to(JobState.CANCELLED, clock.instant());
        });
  }

  /**
   * @throws IllegalArgumentException for a priority outside 0-9
   * @throws IllegalStateException when the job is not waiting to run
   */
  @Override
  public Job changePriority(String id, int priority) {
    Priority.check(priority);
    return change(
        id,
        cur -> {
          requireWaiting(cur, "re-prioritised");
          Job.Builder b = cur.edit();
          b.priority = priority;
          return b.build();
        });
  }

  /**
   * Moves a queued job to {@code position} (0 = next to run) among the queued jobs of its queue and
   * priority.
   */
  @Override
  public Job move(String id, int position) {
    Job moved;
    lock.lock();
    try {
      Job cur = existing(id);
      if (cur.state() != JobState.QUEUED || cur.isFollower()) {
        throw new JobConflictException(
            "job " + id + " is " + cur.state() + "; only queued jobs can be moved");
      }
      List<Job> changed = Ranks.move(lane(cur).ready, cur, position, RANK_GAP);
      commit(changed);
      changed.forEach(j -> nextRank = Math.max(nextRank, j.rank()));
      moved = open.get(id);
    } finally {
      lock.unlock();
    }
    return moved;
  }

  /** Queues a failed or cancelled job again with a fresh retry budget. */
  @Override
  public Job retry(String id) {
    return change(
        id,
        cur -> {
          Job.Builder b = cur.transition(JobState.QUEUED, clock.instant());
          b.retries = 0;
          b.mergedInto = null;
          b.error = null;
          b.result = null;
          b.cached = false;
          return b.build();
        });
  }

  private interface Change {
    Job apply(Job current);
  }

  private Job change(String id, Change change) {
    Job next;
    lock.lock();
    try {
      ensureOpen();
      Job cur = existing(id);
      next = change.apply(cur);
      if (next == null) {
        return cur;
      }
      commit(followers.withLeader(next, open::get, clock.instant()));
    } finally {
      lock.unlock();
    }
    return next;
  }

  private static void requireWaiting(Job cur, String what) {
    if (cur.state() != JobState.QUEUED && cur.state() != JobState.RETRY_WAIT) {
      throw new JobConflictException(
          "job " + cur.id() + " is " + cur.state() + "; only waiting jobs can be " + what);
    }
  }

  @Override
  public void pause(QueueName queue) {
    setPaused(EnumSet.of(queue), true);
  }

  @Override
  public void resume(QueueName queue) {
    setPaused(EnumSet.of(queue), false);
  }

  @Override
  public void pauseAll() {
    setPaused(EnumSet.allOf(QueueName.class), true);
  }

  @Override
  public void resumeAll() {
    setPaused(EnumSet.allOf(QueueName.class), false);
  }

  private void setPaused(EnumSet<QueueName> queues, boolean paused) {
    lock.lock();
    try {
      for (QueueName q : queues) {
        lanes.get(q).paused = paused;
        lanes.get(q).wake.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Changes the number of workers of a queue; extra workers stop after their current job. */
  @Override
  public void setWorkers(QueueName queue, int workers) {
    checkWorkers(workers);
    lock.lock();
    try {
      Lane lane = lanes.get(queue);
      lane.targetWorkers = workers;
      while (started && !closed && lane.liveWorkers < workers) {
        startWorker(lane);
      }
      lane.wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static int checkWorkers(int workers) {
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("worker count " + workers + " is outside 1-64");
    }
    return workers;
  }

  public QueueSnapshot snapshot(QueueName queue) {
    lock.lock();
    try {
      Lane lane = lanes.get(queue);
      int retrying = open.retrying(queue).size();
      return new QueueSnapshot(
          queue,
          lane.ready.size() + retrying,
          lane.running.size(),
          lane.targetWorkers,
          lane.paused);
    } finally {
      lock.unlock();
    }
  }

  /** Queued jobs of a queue in the order they will run, then those waiting for a retry. */
  @Override
  public List<Job> waitingJobs(QueueName queue) {
    lock.lock();
    try {
      List<Job> out = new ArrayList<>(lanes.get(queue).ready);
      out.addAll(open.retrying(queue));
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Every job that has not finished. */
  public List<Job> openJobs() {
    return open.all();
  }

  @Override
  public void addListener(JobListener listener) {
    bus.add(listener);
  }

  @Override
  public void removeListener(JobListener listener) {
    bus.remove(listener);
  }

  /**
   * Applies the clock: queues jobs whose retry wait is over, stops jobs past their soft limit or
   * stalled, kills jobs past their hard limit, and saves results a store failure held back.
   */
  public void tick() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      Instant now = clock.instant();
      for (Job due = open.due(now); due != null; due = open.due(now)) {
        commit(followers.withLeader(due.to(JobState.QUEUED, now), open::get, now));
      }
      for (Lane lane : lanes.values()) {
        for (RunningJob run : new ArrayList<>(lane.running.values())) {
          enforceLimits(lane, run, now);
        }
      }
      saveUnsaved(now);
    } catch (StoreException e) {
      LOG.warn("queue tick could not write to the store, will try again: {}", e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private void enforceLimits(Lane lane, RunningJob run, Instant now) {
    Job job = open.get(run.id);
    TimeLimits limits = job.limits();
    Duration elapsed = Duration.between(run.startedAt, now);
    if (elapsed.compareTo(limits.hard()) >= 0) {
      String message = Attempts.limitMessage(StopReason.HARD_LIMIT, limits);
      LOG.warn("job {}: {}", run.id, message);
      run.kill(message, stopper);
      run.abandoned = true;
      lane.running.remove(run.id);
      Job next =
          Attempts.next(
              job, Outcome.failed(FailureKind.KILLED, message), StopReason.HARD_LIMIT, now, random);
      commit(followers.withLeader(next, open::get, now));
      // The killed job's worker may never come back; its place goes to a fresh one.
      lane.liveWorkers--;
      startWorker(lane);
    } else if (elapsed.compareTo(limits.soft()) >= 0) {
      run.stop(
          StopReason.SOFT_LIMIT, Attempts.limitMessage(StopReason.SOFT_LIMIT, limits), stopper);
    } else if (Duration.between(run.context.lastProgressAt(), now).compareTo(limits.stall()) >= 0) {
      run.stop(StopReason.STALL, Attempts.limitMessage(StopReason.STALL, limits), stopper);
    }
  }

  // ---- jobs that run on other nodes of a studio (they wait here behind the gate)

  /** Called (under the lock, so it must not block) to cancel a job that runs on another node. */
  public void onRemoteCancel(java.util.function.Consumer<String> cancel) {
    this.remoteCancel = cancel;
  }

  /** Another node ({@code where}) started the job: QUEUED becomes RUNNING here too. */
  public void remoteStarted(String id, String where) {
    lock.lock();
    try {
      Job cur = open.get(id);
      if (!closed && cur != null && cur.state() == JobState.QUEUED && !cur.isFollower()) {
        Instant now = clock.instant();
        Job running = cur.transition(JobState.RUNNING, now).ranOn(where).build();
        commit(followers.withLeader(running, open::get, now));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Progress reported by the node running the job. */
  public void remoteProgress(String id, JobProgress p) {
    Job cur = open.get(id);
    if (cur != null && cur.state() == JobState.RUNNING) {
      onProgress(id, p);
    }
  }

  /**
   * How an attempt on another node ended, applied with the same retry policy as a local attempt.
   * Reports for jobs that are no longer waiting or running (cancelled here meanwhile, or already
   * applied) are ignored.
   *
   * @return the job's new version, or null when the report was ignored
   */
  public Job remoteEnded(String id, Outcome outcome, StopReason stop, String where) {
    lock.lock();
    try {
      Job cur = open.get(id);
      if (closed
          || cur == null
          || cur.isFollower()
          || (cur.state() != JobState.QUEUED && cur.state() != JobState.RUNNING)) {
        return null;
      }
      Instant now = clock.instant();
      if (cur.state() == JobState.QUEUED) {
        // The start was not heard (lost event, or answered at once): record it first, so the
        // store sees every transition.
        Job running = cur.transition(JobState.RUNNING, now).ranOn(where).build();
        commit(followers.withLeader(running, open::get, now));
        cur = open.get(id);
      }
      Job next = Attempts.next(cur, outcome, stop, now, random);
      commit(followers.withLeader(next, open::get, now));
      progress.remove(id);
      lanes.values().forEach(l -> l.wake.signalAll());
      return next;
    } finally {
      lock.unlock();
    }
  }

  // ---- workers

  private void startWorker(Lane lane) {
    lane.liveWorkers++;
    lane.started++;
    Thread t = daemon(() -> work(lane), "omnivibe-" + lane.name + "-" + lane.started);
    threads.add(t);
    t.start();
  }

  private void work(Lane lane) {
    try {
      while (true) {
        RunningJob run;
        lock.lock();
        try {
          run = take(lane);
        } finally {
          lock.unlock();
        }
        if (run == null) {
          return;
        }
        Outcome outcome = Outcome.of(handlers.get(run.context.job().type()), run.context);
        if (!finish(lane, run, outcome)) {
          return;
        }
      }
    } finally {
      threads.remove(Thread.currentThread());
    }
  }

  /** The next job to run, marked RUNNING in the store; null when this worker should stop. */
  private RunningJob take(Lane lane) {
    while (true) {
      if (closed || lane.liveWorkers > lane.targetWorkers) {
        lane.liveWorkers--;
        return null;
      }
      Job next = lane.paused ? null : nextAllowed(lane);
      if (next != null) {
        Instant now = clock.instant();
        Job running = next.transition(JobState.RUNNING, now).ranOn(node).build();
        try {
          commit(followers.withLeader(running, open::get, now));
        } catch (StoreException e) {
          LOG.warn("cannot start job {}, will try again: {}", running.id(), e.getMessage());
          awaitQuietly(lane, Duration.ofSeconds(1));
          continue;
        }
        JobContext ctx =
            new JobContext(running, new CancelToken(), clock, p -> onProgress(running.id(), p));
        RunningJob run = new RunningJob(running, ctx, Thread.currentThread());
        lane.running.put(running.id(), run);
        return run;
      }
      awaitQuietly(lane, null);
    }
  }

  /** The first waiting job the gate lets start; jobs it fails are failed on the way. */
  private Job nextAllowed(Lane lane) {
    List<Job> refused = new ArrayList<>();
    Job found = null;
    for (Job j : lane.ready) {
      JobGate.Verdict v = gate.check(j, this::job);
      if (v.kind() == JobGate.Verdict.Kind.READY) {
        found = j;
        break;
      }
      if (v.kind() == JobGate.Verdict.Kind.FAIL) {
        Job.Builder b = j.transition(JobState.FAILED, clock.instant());
        b.error = new JobError(FailureKind.BAD_INPUT, v.reason());
        refused.add(b.build());
      }
    }
    for (Job f : refused) {
      try {
        commit(followers.withLeader(f, open::get, clock.instant()));
      } catch (StoreException e) {
        LOG.warn("cannot fail job {} yet: {}", f.id(), e.getMessage());
      }
    }
    return found;
  }

  private void awaitQuietly(Lane lane, Duration timeout) {
    try {
      if (timeout == null) {
        lane.wake.await();
      } else {
        lane.wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      // Interrupts only come from close() or a hard kill; the loop re-checks why.
      Thread.interrupted();
    }
  }

  /** Records how an attempt ended; false when this worker was replaced and must stop. */
  private boolean finish(Lane lane, RunningJob run, Outcome outcome) {
    lock.lock();
    try {
      if (run.abandoned) {
        return false;
      }
      lane.running.remove(run.id);
      Instant now = clock.instant();
      Job next = Attempts.next(open.get(run.id), outcome, run.stopReason(), now, random);
      try {
        commit(followers.withLeader(next, open::get, now));
        progress.remove(run.id);
        if (next.state().isTerminal()) {
          // A finished job may be what a gated job in another lane waits for.
          lanes.values().forEach(l -> l.wake.signalAll());
        }
      } catch (StoreException e) {
        // The job stays RUNNING here and in the store; tick() saves the result when it can.
        unsaved.put(run.id, next);
        LOG.error("result of job {} not saved yet, will try again: {}", run.id, e.getMessage());
      }
      Thread.interrupted();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void saveUnsaved(Instant now) {
    for (Job next : new ArrayList<>(unsaved.values())) {
      commit(followers.withLeader(next, open::get, now));
      unsaved.remove(next.id());
      progress.remove(next.id());
    }
  }

  private void onProgress(String id, JobProgress p) {
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

  // ---- state, under the lock

  /** Writes the new versions (one transaction), then applies them here. */
  private void commit(List<Job> changed) {
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

  private Lane lane(Job job) {
    return lanes.get(job.queue());
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the queue is shut down");
    }
  }

  /**
   * Stops the workers. Running jobs are asked to stop and go back to QUEUED, so the next start runs
   * them again.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Lane lane : lanes.values()) {
        lane.running.values().forEach(r -> r.stop(StopReason.SHUTDOWN, "shutting down", stopper));
        lane.wake.signalAll();
      }
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopper.shutdown();
    bus.close();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
