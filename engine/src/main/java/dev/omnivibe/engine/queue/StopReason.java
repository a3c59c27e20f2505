package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;

/** Why the queue (or, in a studio, the node running the job) stopped a running job. */
public enum StopReason {
  USER(null),
  SHUTDOWN(null),
  SOFT_LIMIT(FailureKind.TIMED_OUT),
  STALL(FailureKind.STALLED),
  HARD_LIMIT(FailureKind.KILLED);

  final FailureKind failure;

  StopReason(FailureKind failure) {
    this.failure = failure;
  }

  /** What a job stopped for this reason is told, e.g. "stalled: no progress for 2 min". */
  public String message(dev.omnivibe.engine.job.TimeLimits limits) {
    return Attempts.limitMessage(this, limits);
  }
}
