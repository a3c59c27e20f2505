package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobError;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.TimeLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** Decides what a running job becomes when an attempt ends: the retry policy in one place. */
final class Attempts {
  private Attempts() {}

  static Job next(
      Job running, Outcome outcome, StopReason stop, Instant now, RandomGenerator random) {
    if (outcome.succeeded()) {
      JobBuilder b = running.transition(JobState.SUCCEEDED, now);
      b.result = outcome.result();
      b.error = null;
      return b.build();
    }
    if (stop == StopReason.USER) {
      return running.to(JobState.CANCELLED, now);
    }
    if (stop == StopReason.SHUTDOWN) {
      return running.to(JobState.QUEUED, now);
    }
    FailureKind kind = stop != null ? stop.failure : outcome.failure();
    String message = stop != null ? limitMessage(stop, running.limits()) : outcome.message();
    if (kind.retryable() && running.retries() < running.retryPolicy().maxRetries()) {
      JobBuilder b = running.transition(JobState.RETRY_WAIT, now);
      b.retries = running.retries() + 1;
      b.notBefore = now.plus(running.retryPolicy().delay(b.retries, random));
      b.error = new JobError(kind, message);
      // An encoder that failed at run time (e.g. a hardware session limit) is not tried again.
      b.softwareOnly = running.softwareOnly() || kind == FailureKind.ENCODER;
      return b.build();
    }
    JobBuilder b = running.transition(JobState.FAILED, now);
    b.error = new JobError(kind, message);
    return b.build();
  }

  static String limitMessage(StopReason stop, TimeLimits limits) {
    return switch (stop) {
      case SOFT_LIMIT -> "timed out: stopped at the soft time limit of " + human(limits.soft());
      case HARD_LIMIT -> "killed at the hard time limit of " + human(limits.hard());
      case STALL -> "stalled: no progress for " + human(limits.stall());
      default -> stop.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String human(Duration d) {
    if (d.toSeconds() % 60 != 0 || d.toMinutes() == 0) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
    return d.toMinutes() + " min";
  }
}
