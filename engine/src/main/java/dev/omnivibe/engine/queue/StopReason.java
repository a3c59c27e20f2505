package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;

/** Why the queue stopped a running job. */
enum StopReason {
  USER(null),
  SHUTDOWN(null),
  SOFT_LIMIT(FailureKind.TIMED_OUT),
  STALL(FailureKind.STALLED),
  HARD_LIMIT(FailureKind.KILLED);

  final FailureKind failure;

  StopReason(FailureKind failure) {
    this.failure = failure;
  }
}
