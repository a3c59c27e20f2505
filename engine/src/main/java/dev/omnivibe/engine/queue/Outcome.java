package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobResult;

/** How one attempt ended, as its worker saw it: a result or a classified failure. */
record Outcome(JobResult result, FailureKind failure, String message) {
  static Outcome success(JobResult result) {
    return new Outcome(result, null, null);
  }

  static Outcome failed(FailureKind kind, String message) {
    return new Outcome(null, kind, message);
  }

  boolean succeeded() {
    return failure == null;
  }
}
