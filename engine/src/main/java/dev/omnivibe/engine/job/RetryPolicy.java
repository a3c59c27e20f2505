package dev.omnivibe.engine.job;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how soon a failed job is tried again: exponential back-off ({@code base *
 * 2^(retry-1)}, capped at {@code maxDelay}) with up to {@code jitter} of it added at random, so
 * that many jobs failing together do not all come back at the same moment.
 *
 * @param maxRetries automatic retries after the first attempt
 * @param jitter fraction 0-1 of the delay added at random
 */
public record RetryPolicy(int maxRetries, Duration base, Duration maxDelay, double jitter) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofHours(1), 0.25);

  public RetryPolicy {
    if (maxRetries < 0 || maxRetries > 100) {
      throw new IllegalArgumentException("maxRetries " + maxRetries + " is outside 0-100");
    }
    if (base == null || base.isNegative() || maxDelay == null || maxDelay.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry delays must be 0 <= base <= maxDelay");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter " + jitter + " is outside 0-1");
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delay(int retry, RandomGenerator random) {
    int doublings = Math.min(Math.max(retry - 1, 0), 40);
    long millis = (long) Math.min(base.toMillis() * Math.pow(2, doublings), maxDelay.toMillis());
    long extra = jitter == 0 ? 0 : (long) (millis * jitter * random.nextDouble());
    return Duration.ofMillis(millis + extra);
  }
}
