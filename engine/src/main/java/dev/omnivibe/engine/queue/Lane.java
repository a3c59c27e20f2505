package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.QueueName;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;

/** One named queue: its waiting jobs in run order, its running attempts and its workers. */
final class Lane {
  /** Highest priority first, then by rank (submission order unless moved). */
  static final Comparator<Job> RUN_ORDER =
      Comparator.comparingInt(Job::priority)
          .reversed()
          .thenComparingLong(Job::rank)
          .thenComparing(Job::id);

  final QueueName name;
  final TreeSet<Job> ready = new TreeSet<>(RUN_ORDER);
  final Map<String, RunningJob> running = new LinkedHashMap<>();
  final Condition wake;
  int targetWorkers;
  int liveWorkers;
  int started;
  boolean paused;

  Lane(QueueName name, Condition wake, int targetWorkers) {
    this.name = name;
    this.wake = wake;
    this.targetWorkers = targetWorkers;
  }
}
