package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobError;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of every lane: each takes the next job the gate lets start, marks it RUNNING
 * in the store, runs its handler and records how the attempt ended.
 */
final class Workers {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
  private final QueueState s;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  // Stopping waits for FFmpeg to quit; it runs here so no caller (the tick, a UI call) blocks.
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(r -> daemon(r, "omnivibe-stop"));

  Workers(QueueState state) {
    this.s = state;
  }

  /** Under the lock: starts a worker in the lane. */
  void start(Lane lane) {
    lane.liveWorkers++;
    lane.started++;
    Thread t = daemon(() -> work(lane), "omnivibe-" + lane.name + "-" + lane.started);
    threads.add(t);
    t.start();
  }

  /** Under the lock: sizes a lane's pool; extra workers stop after their current job. */
  void resize(Lane lane, int workers) {
    lane.targetWorkers = QueueState.checkWorkers(workers);
    while (s.started && !s.closed && lane.liveWorkers < workers) {
      start(lane);
    }
    lane.wake.signalAll();
  }

  /** Under the lock: asks a job running here to stop; false when it does not run here. */
  boolean stop(Job job, StopReason reason, String message) {
    RunningJob run = s.lane(job).running.get(job.id());
    if (run == null) {
      return false;
    }
    run.stop(reason, message, stopper);
    return true;
  }

  /** Under the lock: stops an attempt gracefully. */
  void stop(RunningJob run, StopReason reason, String message) {
    run.stop(reason, message, stopper);
  }

  /** Under the lock: kills an attempt now and gives its worker's place to a fresh one. */
  void kill(Lane lane, RunningJob run, String message) {
    run.kill(message, stopper);
    run.abandoned = true;
    lane.running.remove(run.id);
    // The killed job's worker may never come back.
    lane.liveWorkers--;
    start(lane);
  }

  private void work(Lane lane) {
    try {
      while (true) {
        RunningJob run;
        s.lock.lock();
        try {
          run = take(lane);
        } finally {
          s.lock.unlock();
        }
        if (run == null) {
          return;
        }
        Outcome outcome = Outcome.of(s.handlers.get(run.context.job().type()), run.context);
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
      if (s.closed || lane.liveWorkers > lane.targetWorkers) {
        lane.liveWorkers--;
        return null;
      }
      Job next = lane.paused ? null : nextAllowed(lane);
      if (next != null) {
        Instant now = s.clock.instant();
        Job running = next.transition(JobState.RUNNING, now).ranOn(s.node).build();
        try {
          s.apply(running, now);
        } catch (StoreException e) {
          LOG.warn("cannot start job {}, will try again: {}", running.id(), e.getMessage());
          awaitQuietly(lane, Duration.ofSeconds(1));
          continue;
        }
        JobContext ctx =
            new JobContext(running, new CancelToken(), s.clock, p -> s.onProgress(running.id(), p));
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
      GateVerdict v = s.gate.check(j, s::job);
      if (v.kind() == GateVerdict.Kind.READY) {
        found = j;
        break;
      }
      if (v.kind() == GateVerdict.Kind.FAIL) {
        JobBuilder b = j.transition(JobState.FAILED, s.clock.instant());
        b.error = new JobError(FailureKind.BAD_INPUT, v.reason());
        refused.add(b.build());
      }
    }
    for (Job f : refused) {
      try {
        s.apply(f, s.clock.instant());
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
    s.lock.lock();
    try {
      if (run.abandoned) {
        return false;
      }
      lane.running.remove(run.id);
      Instant now = s.clock.instant();
      s.finished(Attempts.next(s.open.get(run.id), outcome, run.stopReason(), now, s.random), now);
      Thread.interrupted();
      return true;
    } finally {
      s.lock.unlock();
    }
  }

  /** Under the lock: asks every running job to stop and wakes every idle worker to quit. */
  void stopAll() {
    for (Lane lane : s.lanes.values()) {
      lane.running.values().forEach(r -> r.stop(StopReason.SHUTDOWN, "shutting down", stopper));
      lane.wake.signalAll();
    }
  }

  /** Waits (15 s at most) for the workers to return. */
  void join() {
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
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
