package dev.omnivibe.engine.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RenderJob;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.TimeLimits;
import java.time.Instant;

/**
 * A job to add to the queue.
 *
 * @param queue null to route by type
 * @param dedupKey identical keys merge while one of them is still open; null to never merge
 * @param submittedBy who asks for it (see {@link RenderJob#submittedBy()})
 */
public record NewJob(
    String name,
    JobType type,
    QueueName queue,
    int priority,
    JsonNode payload,
    RetryPolicy retryPolicy,
    TimeLimits limits,
    String dedupKey,
    String submittedBy) {

  public NewJob {
    Priority.check(priority);
    queue = queue == null ? type.defaultQueue() : queue;
  }

  /** A job of this workstation's own user. */
  public NewJob(
      String name,
      JobType type,
      QueueName queue,
      int priority,
      JsonNode payload,
      RetryPolicy retryPolicy,
      TimeLimits limits,
      String dedupKey) {
    this(name, type, queue, priority, payload, retryPolicy, limits, dedupKey, RenderJob.LOCAL);
  }

  /** The same job asked for by {@code who}. */
  public NewJob by(String who) {
    return new NewJob(name, type, queue, priority, payload, retryPolicy, limits, dedupKey, who);
  }

  RenderJob create(
      String id, long rank, JobState state, String mergedInto, Instant startedAt, Instant now) {
    return new RenderJob(
        id,
        name,
        type,
        queue,
        priority,
        rank,
        state,
        0,
        0,
        0,
        Payload.of(payload),
        retryPolicy,
        limits,
        dedupKey,
        mergedInto,
        false,
        false,
        now,
        startedAt,
        null,
        null,
        null,
        null,
        submittedBy,
        null);
  }
}
