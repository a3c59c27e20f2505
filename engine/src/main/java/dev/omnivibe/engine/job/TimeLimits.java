package dev.omnivibe.engine.job;

import java.time.Duration;

/**
 * How long a job may run.
 *
 * @param soft the job is asked to stop (gracefully) and marked timed out
 * @param hard the job's processes are killed
 * @param stall no progress for this long counts as a (retryable) failure
 */
public record TimeLimits(Duration soft, Duration hard, Duration stall) {
  public static final TimeLimits DEFAULT =
      new TimeLimits(Duration.ofMinutes(55), Duration.ofMinutes(60), Duration.ofMinutes(5));

  public TimeLimits {
    if (soft == null || hard == null || stall == null) {
      throw new IllegalArgumentException("time limits need soft, hard and stall");
    }
    if (soft.isNegative() || soft.isZero() || stall.isNegative() || stall.isZero()) {
      throw new IllegalArgumentException("time limits must be positive");
    }
    if (hard.compareTo(soft) < 0) {
      throw new IllegalArgumentException(
          "hard time limit " + hard + " is shorter than the soft limit " + soft);
    }
  }
}
