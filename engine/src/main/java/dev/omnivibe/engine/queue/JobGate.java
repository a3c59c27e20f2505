package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a waiting job may start: a render that needs narration waits for the narration
 * jobs and fails, without running, when one of them failed. Asked under the queue's lock, in run
 * order, each time a worker looks for work; a job that waits does not hold back the ones after it.
 */
@FunctionalInterface
public interface JobGate {
  JobGate OPEN = (job, jobs) -> Verdict.READY;

  /**
   * @param jobs looks up any job by id (open or finished)
   */
  Verdict check(Job job, Function<String, Optional<Job>> jobs);

  /** What the gate said; {@code reason} is set for a failure. */
  record Verdict(Kind kind, String reason) {
    public static final Verdict READY = new Verdict(Kind.READY, null);
    public static final Verdict WAIT = new Verdict(Kind.WAIT, null);

    public static Verdict fail(String reason) {
      return new Verdict(Kind.FAIL, reason);
    }

    public enum Kind {
      READY,
      WAIT,
      FAIL
    }
  }
}
