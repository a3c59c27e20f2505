package dev.omnivibe.engine.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that other threads make true; the bound only stops a hung test. */
public final class Await {
  private static final Duration BOUND = Duration.ofSeconds(60);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  public static <T> T value(String what, Supplier<T> value, java.util.function.Predicate<T> ok) {
    Object[] box = new Object[1];
    until(
        what,
        () -> {
          box[0] = value.get();
          @SuppressWarnings("unchecked")
          T v = (T) box[0];
          return ok.test(v);
        });
    @SuppressWarnings("unchecked")
    T v = (T) box[0];
    return v;
  }
}
