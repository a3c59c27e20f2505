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
  JobGate OPEN = (job, jobs) -> GateVerdict.READY;

  /**
   * @param jobs looks up any job by id (open or finished)
   */
  GateVerdict check(Job job, Function<String, Optional<Job>> jobs);
}
