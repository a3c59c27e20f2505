package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.store.Store;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The job queue: named lanes with their own workers, priority 0-9 (9 first) and FIFO within a
 * priority, retries with back-off, time limits, and merging of identical open jobs.
 *
 * <p>Every state change is written to the store before it takes effect here (acks late): a job is
 * RUNNING in the store for as long as it runs, and {@link #start()} queues again whatever a dead
 * process left RUNNING, keeping its attempt count. Time comes from the injected clock, and {@link
 * #tick()} (called by a timer, or by tests after moving the clock) applies retries and limits.
 *
 * <p>The parts: {@link QueueState} (state and commits, under one lock), {@link QueueCommands},
 * {@link Workers}, {@link Deadlines}, and {@link RemoteAttempts} for the studio.
 */
public final class JobQueue implements QueueControl, AutoCloseable {
  private final QueueState s;
  private final QueueCommands commands;
  private final Workers workers;
  private final Deadlines deadlines;
  private final RemoteAttempts remote;

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
   * @param gate asked before a waiting job starts (narration first, studio capability)
   */
  public JobQueue(
      Store store,
      Clock clock,
      Map<JobType, JobHandler> handlers,
      Map<QueueName, Integer> workers,
      RandomGenerator random,
      String node,
      JobGate gate) {
    this.s = new QueueState(store, clock, random, handlers, workers, node, gate);
    this.workers = new Workers(s);
    this.commands = new QueueCommands(s, this.workers);
    this.deadlines = new Deadlines(s, this.workers);
    this.remote = new RemoteAttemptLog(s, commands);
  }

  /**
   * Rebuilds the queue from the store, queueing again the jobs a dead process left RUNNING, then
   * starts the workers.
   *
   * @return how many interrupted jobs were queued again
   */
  public int start() {
    s.lock.lock();
    try {
      if (s.started) {
        throw new IllegalStateException("the queue is already started");
      }
      Recovered r = Recovery.run(s.store, s.clock.instant(), s.followers);
      r.jobs().forEach(s.open::place);
      s.nextRank = s.store.maxRank();
      s.started = true;
      for (Lane lane : s.lanes.values()) {
        for (int i = 0; i < lane.targetWorkers; i++) {
          workers.start(lane);
        }
      }
      return r.requeued();
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Adds a job. When {@code job.dedupKey()} matches an open job, the new job follows it instead of
   * running again.
   *
   * @throws dev.omnivibe.engine.store.StoreException when the job cannot be stored; nothing is
   *     queued then
   */
  public Job submit(NewJob job) {
    return commands.submit(job);
  }

  /** Stores a job that is already finished (an identical earlier result answered it). */
  public Job record(Job finished) {
    return commands.record(finished);
  }

  /** The job, open or finished. */
  public Optional<Job> job(String id) {
    return s.job(id);
  }

  /** Latest progress of a running job, {@link JobProgress#NONE} otherwise. */
  public JobProgress progress(String id) {
    return s.progress(id);
  }

  /**
   * A queued job is cancelled at once; a running one is asked to stop and becomes CANCELLED when
   * its render has stopped (leaving no output file).
   */
  @Override
  public Job cancel(String id) {
    return commands.cancel(id);
  }

  @Override
  public Job changePriority(String id, int priority) {
    return commands.changePriority(id, priority);
  }

  @Override
  public Job move(String id, int position) {
    return commands.move(id, position);
  }

  @Override
  public Job retry(String id) {
    return commands.retry(id);
  }

  @Override
  public void pause(QueueName queue) {
    commands.setPaused(EnumSet.of(queue), true);
  }

  @Override
  public void resume(QueueName queue) {
    commands.setPaused(EnumSet.of(queue), false);
  }

  @Override
  public void pauseAll() {
    commands.setPaused(EnumSet.allOf(QueueName.class), true);
  }

  @Override
  public void resumeAll() {
    commands.setPaused(EnumSet.allOf(QueueName.class), false);
  }

  @Override
  public void setWorkers(QueueName queue, int count) {
    QueueState.checkWorkers(count);
    s.lock.lock();
    try {
      workers.resize(s.lanes.get(queue), count);
    } finally {
      s.lock.unlock();
    }
  }

  public QueueSnapshot snapshot(QueueName queue) {
    return commands.snapshot(queue);
  }

  @Override
  public List<Job> waitingJobs(QueueName queue) {
    return commands.waitingJobs(queue);
  }

  /** Every job that has not finished. */
  public List<Job> openJobs() {
    return s.open.all();
  }

  @Override
  public void addListener(JobListener listener) {
    s.bus.add(listener);
  }

  @Override
  public void removeListener(JobListener listener) {
    s.bus.remove(listener);
  }

  /**
   * Applies the clock: queues jobs whose retry wait is over, stops jobs past their soft limit or
   * stalled, kills jobs past their hard limit, and saves results a store failure held back.
   */
  public void tick() {
    deadlines.tick();
  }

  /** This node's jobs that run on other nodes of a studio, for the studio's dispatcher. */
  public RemoteAttempts remote() {
    return remote;
  }

  /**
   * Stops the workers. Running jobs are asked to stop and go back to QUEUED, so the next start runs
   * them again.
   */
  @Override
  public void close() {
    s.lock.lock();
    try {
      if (s.closed) {
        return;
      }
      s.closed = true;
      workers.stopAll();
    } finally {
      s.lock.unlock();
    }
    workers.join();
    s.bus.close();
  }
}
