package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobConflictException;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** What callers ask of the queue: add, cancel, reorder, retry, pause, and look at the waiting. */
final class QueueCommands {
  private final QueueState s;
  private final Workers workers;
  private volatile Consumer<String> remoteCancel = id -> {};

  QueueCommands(QueueState state, Workers workers) {
    this.s = state;
    this.workers = workers;
  }

  /** Called (under the lock, so it must not block) to cancel a job that runs on another node. */
  void onRemoteCancel(Consumer<String> cancel) {
    this.remoteCancel = cancel;
  }

  Job submit(NewJob job) {
    s.lock.lock();
    try {
      s.ensureOpen();
      String id = UUID.randomUUID().toString();
      Instant now = s.clock.instant();
      Job leader = s.open.leader(job.dedupKey());
      Job created;
      if (leader != null) {
        created =
            job.create(id, leader.rank(), leader.state(), leader.id(), leader.startedAt(), now);
      } else {
        s.nextRank += QueueState.RANK_GAP;
        created = job.create(id, s.nextRank, JobState.QUEUED, null, null, now);
      }
      s.store.insert(created);
      if (leader != null) {
        s.followers.add(leader.id(), id);
      }
      s.open.place(created);
      s.bus.publish(new JobEvent(JobEvent.Kind.CHANGED, created, JobProgress.NONE));
      return created;
    } finally {
      s.lock.unlock();
    }
  }

  Job record(Job finished) {
    if (!finished.state().isTerminal()) {
      throw new IllegalArgumentException("only finished jobs can be recorded");
    }
    s.store.insert(finished);
    s.bus.publish(new JobEvent(JobEvent.Kind.CHANGED, finished, JobProgress.DONE));
    return finished;
  }

  Job cancel(String id) {
    return change(
        id,
        cur -> {
          if (cur.state() == JobState.RUNNING && !cur.isFollower()) {
            if (!workers.stop(cur, StopReason.USER, "cancelled")) {
              // Running on another node of the studio: that node stops it and reports back.
              remoteCancel.accept(id);
            }
            return null;
          }
          if (cur.isFollower()) {
            s.followers.remove(cur.mergedInto(), id);
          }
          return cur.to(JobState.CANCELLED, s.clock.instant());
        });
  }

  Job changePriority(String id, int priority) {
    Priority.check(priority);
    return change(
        id,
        cur -> {
          requireWaiting(cur, "re-prioritised");
          JobBuilder b = cur.edit();
          b.priority = priority;
          return b.build();
        });
  }

  Job move(String id, int position) {
    s.lock.lock();
    try {
      Job cur = s.existing(id);
      if (cur.state() != JobState.QUEUED || cur.isFollower()) {
        throw new JobConflictException(
            "job " + id + " is " + cur.state() + "; only queued jobs can be moved");
      }
      List<Job> changed = Ranks.move(s.lane(cur).ready, cur, position, QueueState.RANK_GAP);
      s.commit(changed);
      changed.forEach(j -> s.nextRank = Math.max(s.nextRank, j.rank()));
      return s.open.get(id);
    } finally {
      s.lock.unlock();
    }
  }

  Job retry(String id) {
    return change(
        id,
        cur -> {
          JobBuilder b = cur.transition(JobState.QUEUED, s.clock.instant());
          b.retries = 0;
          b.mergedInto = null;
          b.error = null;
          b.result = null;
          b.cached = false;
          return b.build();
        });
  }

  /** Applies {@code change} to the current version; a null answer leaves the job as it is. */
  private Job change(String id, UnaryOperator<Job> change) {
    s.lock.lock();
    try {
      s.ensureOpen();
      Job cur = s.existing(id);
      Job next = change.apply(cur);
      if (next == null) {
        return cur;
      }
      s.apply(next, s.clock.instant());
      return next;
    } finally {
      s.lock.unlock();
    }
  }

  private static void requireWaiting(Job cur, String what) {
    if (cur.state() != JobState.QUEUED && cur.state() != JobState.RETRY_WAIT) {
      throw new JobConflictException(
          "job " + cur.id() + " is " + cur.state() + "; only waiting jobs can be " + what);
    }
  }

  void setPaused(EnumSet<QueueName> queues, boolean paused) {
    s.lock.lock();
    try {
      for (QueueName q : queues) {
        s.lanes.get(q).paused = paused;
        s.lanes.get(q).wake.signalAll();
      }
    } finally {
      s.lock.unlock();
    }
  }

  QueueSnapshot snapshot(QueueName queue) {
    s.lock.lock();
    try {
      Lane lane = s.lanes.get(queue);
      int retrying = s.open.retrying(queue).size();
      return new QueueSnapshot(
          queue,
          lane.ready.size() + retrying,
          lane.running.size(),
          lane.targetWorkers,
          lane.paused);
    } finally {
      s.lock.unlock();
    }
  }

  List<Job> waitingJobs(QueueName queue) {
    s.lock.lock();
    try {
      List<Job> out = new ArrayList<>(s.lanes.get(queue).ready);
      out.addAll(s.open.retrying(queue));
      return out;
    } finally {
      s.lock.unlock();
    }
  }
}
