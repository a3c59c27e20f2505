package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.JobResult;

/**
 * Does the work of one job type. Report progress through the context, stop when its cancel token
 * fires, and throw {@link JobFailedException} to say whether a failure may be retried; any other
 * exception counts as a transient (retryable) failure.
 */
@FunctionalInterface
public interface JobHandler {
  JobResult run(JobContext context) throws Exception;
}
