package dev.omnivibe.engine.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects a render's {@link StepSpan}s from the threads that run its steps. */
final class StepLog {
  private final long origin;
  private final List<StepSpan> spans = new ArrayList<>();

  StepLog(long originNanos) {
    this.origin = originNanos;
  }

  /** A step that ran from {@code startNanos} until now. */
  synchronized void ended(String step, long startNanos) {
    spans.add(new StepSpan(step, millis(startNanos), millis(System.nanoTime())));
  }

  synchronized List<StepSpan> spans() {
    List<StepSpan> out = new ArrayList<>(spans);
    out.sort(Comparator.comparingLong(StepSpan::startMillis).thenComparing(StepSpan::step));
    return List.copyOf(out);
  }

  private long millis(long nanos) {
    return (nanos - origin) / 1_000_000;
  }
}
