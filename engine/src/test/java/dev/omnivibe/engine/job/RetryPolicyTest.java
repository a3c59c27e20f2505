package dev.omnivibe.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void delaysDoubleFromTheBaseWithinTheJitter() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    SplittableRandom random = new SplittableRandom(7);
    for (int retry = 1; retry <= 3; retry++) {
      long expected = 60_000L << (retry - 1);
      for (int i = 0; i < 200; i++) {
        long d = p.delay(retry, random).toMillis();
        assertThat(d).isBetween(expected, (long) (expected * 1.25));
      }
    }
  }

  @Test
  void jitterSpreadsRetriesApart() {
    SplittableRandom random = new SplittableRandom(1);
    long a = RetryPolicy.DEFAULT.delay(1, random).toMillis();
    long b = RetryPolicy.DEFAULT.delay(1, random).toMillis();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void delayIsCappedEvenForManyRetries() {
    RetryPolicy p = new RetryPolicy(100, Duration.ofSeconds(60), Duration.ofMinutes(10), 0);
    assertThat(p.delay(90, new SplittableRandom())).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(1), Duration.ZERO, 0))
        .hasMessageContaining("base <= maxDelay");
    assertThatThrownBy(
            () ->
                new TimeLimits(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .hasMessageContaining("shorter than the soft limit");
  }
}
