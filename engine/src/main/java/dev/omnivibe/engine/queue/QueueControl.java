package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.QueueName;
import java.util.List;

/**
 * Steering the queues, as the UI and the API do it: cancel, reorder, retry, pause, size the worker
 * pools, and listen to every job's changes.
 *
 * @throws dev.omnivibe.engine.job.UnknownJobException from the job commands for an unknown id
 * @throws dev.omnivibe.engine.job.IllegalTransitionException naming from→to when a job's state does
 *     not allow the command
 */
public interface QueueControl {
  /** Cancels a waiting job, or stops a running one (its FFmpeg is killed). */
  Job cancel(String id);

  Job changePriority(String id, int priority);

  /** Moves a waiting job to {@code position} (0: next) among the waiting jobs of its queue. */
  Job move(String id, int position);

  /** Queues a failed or cancelled job again. */
  Job retry(String id);

  void pause(QueueName q);

  void resume(QueueName q);

  void pauseAll();

  void resumeAll();

  void setWorkers(QueueName q, int workers);

  /** The waiting jobs of a queue in the order they will run. */
  List<Job> waitingJobs(QueueName q);

  void addListener(JobListener l);

  void removeListener(JobListener l);
}
