package dev.omnivibe.engine.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.TimeLimits;
import java.time.Instant;

/**
 * A job to add to the queue.
 *
 * @param queue null to route by type
 * @param dedupKey identical keys merge while one of them is still open; null to never merge
 * @param submittedBy who asks for it (see {@link Job#submittedBy()})
 */
public record NewJob(
    String name,
    JobType type,
    QueueName queue,
    int priority,
    Payload payload,
    RetryPolicy retryPolicy,
    TimeLimits limits,
    String dedupKey,
    String submittedBy) {

  public NewJob {
    Priority.check(priority);
    queue = queue == null ? type.defaultQueue() : queue;
  }

  /** A job of this workstation's own user, its payload given as JSON. */
  public NewJob(
      String name,
      JobType type,
      QueueName queue,
      int priority,
      JsonNode payload,
      RetryPolicy retryPolicy,
      TimeLimits limits,
      String dedupKey) {
    this(
        name, type, queue, priority, Payload.of(payload), retryPolicy, limits, dedupKey, Job.LOCAL);
  }

  /** The same job asked for by {@code who}. */
  public NewJob by(String who) {
    return new NewJob(name, type, queue, priority, payload, retryPolicy, limits, dedupKey, who);
  }

  Job create(
      String id, long rank, JobState state, String mergedInto, Instant startedAt, Instant now) {
    JobBuilder b = Job.create(id, type, queue, now);
    b.name = name;
    b.priority = priority;
    b.rank = rank;
    b.state = state;
    b.payload = payload;
    b.retryPolicy = retryPolicy;
    b.limits = limits;
    b.dedupKey = dedupKey;
    b.mergedInto = mergedInto;
    b.startedAt = startedAt;
    b.submittedBy = submittedBy;
    return b.build();
  }
}
