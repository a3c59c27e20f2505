package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.TimeLimits;
import dev.omnivibe.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock's side of the queue, applied on each tick: retry waits that are over, soft and hard
 * time limits, stalled jobs, and results a store failure held back.
 */
final class Deadlines {
  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
  private final QueueState s;
  private final Workers workers;

  Deadlines(QueueState state, Workers workers) {
    this.s = state;
    this.workers = workers;
  }

  void tick() {
    s.lock.lock();
    try {
      if (s.closed) {
        return;
      }
      Instant now = s.clock.instant();
      for (Job due = s.open.due(now); due != null; due = s.open.due(now)) {
        s.apply(due.to(JobState.QUEUED, now), now);
      }
      for (Lane lane : s.lanes.values()) {
        for (RunningJob run : new ArrayList<>(lane.running.values())) {
          enforceLimits(lane, run, now);
        }
      }
      s.saveUnsaved(now);
    } catch (StoreException e) {
      LOG.warn("queue tick could not write to the store, will try again: {}", e.getMessage());
    } finally {
      s.lock.unlock();
    }
  }

  private void enforceLimits(Lane lane, RunningJob run, Instant now) {
    Job job = s.open.get(run.id);
    TimeLimits limits = job.limits();
    Duration elapsed = Duration.between(run.startedAt, now);
    if (elapsed.compareTo(limits.hard()) >= 0) {
      String message = Attempts.limitMessage(StopReason.HARD_LIMIT, limits);
      LOG.warn("job {}: {}", run.id, message);
      workers.kill(lane, run, message);
      Outcome killed = Outcome.failed(FailureKind.KILLED, message);
      s.apply(Attempts.next(job, killed, StopReason.HARD_LIMIT, now, s.random), now);
    } else if (elapsed.compareTo(limits.soft()) >= 0) {
      workers.stop(
          run, StopReason.SOFT_LIMIT, Attempts.limitMessage(StopReason.SOFT_LIMIT, limits));
    } else if (Duration.between(run.context.lastProgressAt(), now).compareTo(limits.stall()) >= 0) {
      workers.stop(run, StopReason.STALL, Attempts.limitMessage(StopReason.STALL, limits));
    }
  }
}
