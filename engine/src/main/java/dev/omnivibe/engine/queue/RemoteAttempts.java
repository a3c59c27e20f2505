package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The queue as a studio's dispatcher sees it: jobs of this node that run on another node wait here
 * behind the gate, and what that node reports (started, progress, ended) is applied with the same
 * rules as a local attempt. This is all the studio code may do to the queue.
 */
public interface RemoteAttempts {
  Optional<Job> job(String id);

  void addListener(JobListener listener);

  void removeListener(JobListener listener);

  /** Called (under the queue's lock, so it must not block) to cancel a job running elsewhere. */
  void onCancel(Consumer<String> cancel);

  /** Another node ({@code where}) started the job: QUEUED becomes RUNNING here too. */
  void started(String id, String where);

  /** Progress reported by the node running the job. */
  void progress(String id, JobProgress progress);

  /**
   * How an attempt on another node ended, applied with the same retry policy as a local attempt.
   * Reports for jobs that are no longer waiting or running (cancelled here meanwhile, or already
   * applied) are ignored.
   *
   * @return the job's new version, or null when the report was ignored
   */
  Job ended(String id, Outcome outcome, StopReason stop, String where);
}
