package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Applies what other nodes report about this node's jobs to the queue's state. */
final class RemoteAttemptLog implements RemoteAttempts {
  private final QueueState s;
  private final QueueCommands commands;

  RemoteAttemptLog(QueueState state, QueueCommands commands) {
    this.s = state;
    this.commands = commands;
  }

  @Override
  public Optional<Job> job(String id) {
    return s.job(id);
  }

  @Override
  public void addListener(JobListener listener) {
    s.bus.add(listener);
  }

  @Override
  public void removeListener(JobListener listener) {
    s.bus.remove(listener);
  }

  @Override
  public void onCancel(Consumer<String> cancel) {
    commands.onRemoteCancel(cancel);
  }

  @Override
  public void started(String id, String where) {
    s.lock.lock();
    try {
      Job cur = s.open.get(id);
      if (!s.closed && cur != null && cur.state() == JobState.QUEUED && !cur.isFollower()) {
        Instant now = s.clock.instant();
        s.apply(cur.transition(JobState.RUNNING, now).ranOn(where).build(), now);
      }
    } finally {
      s.lock.unlock();
    }
  }

  @Override
  public void progress(String id, JobProgress p) {
    Job cur = s.open.get(id);
    if (cur != null && cur.state() == JobState.RUNNING) {
      s.onProgress(id, p);
    }
  }

  @Override
  public Job ended(String id, Outcome outcome, StopReason stop, String where) {
    s.lock.lock();
    try {
      Job cur = s.open.get(id);
      if (s.closed
          || cur == null
          || cur.isFollower()
          || (cur.state() != JobState.QUEUED && cur.state() != JobState.RUNNING)) {
        return null;
      }
      Instant now = s.clock.instant();
      if (cur.state() == JobState.QUEUED) {
        // The start was not heard (lost event, or answered at once): record it first, so the
        // store sees every transition.
        s.apply(cur.transition(JobState.RUNNING, now).ranOn(where).build(), now);
        cur = s.open.get(id);
      }
      Job next = Attempts.next(cur, outcome, stop, now, s.random);
      s.apply(next, now);
      s.forgetProgress(id);
      s.wakeAll();
      return next;
    } finally {
      s.lock.unlock();
    }
  }
}
