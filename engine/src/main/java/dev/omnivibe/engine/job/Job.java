package dev.omnivibe.engine.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit of queued work, as stored. Immutable: every change makes a new value with a higher
 * {@code version}, which stores use to refuse a stale write (optimistic locking).
 *
 * @param rank order within its priority (smaller runs first); moves change it
 * @param attempts how many times the job has started, across restarts
 * @param retries automatic retries used since the job was submitted or last retried by hand
 * @param payload what the job's handler needs (for a render: the deck and where to write)
 * @param dedupKey SHA-256 of what the job produces, or null when it is not deduplicated
 * @param mergedInto the job that renders for this one (an identical submission), or null
 * @param softwareOnly the next attempt must not use a hardware encoder (it failed before)
 * @param cached the result came from an earlier identical job
 * @param notBefore when a job waiting for a retry may run again
 * @param submittedBy who asked for it: {@value #LOCAL} for this workstation's own user (the window,
 *     the terminal, a watch folder), else the API caller's id ({@code owner} or a token's id)
 * @param nodes the studio node that ran each attempt, in order (this node's id when it ran here)
 */
public record Job(
    String id,
    String name,
    JobType type,
    QueueName queue,
    int priority,
    long rank,
    JobState state,
    int attempts,
    int retries,
    long version,
    Payload payload,
    RetryPolicy retryPolicy,
    TimeLimits limits,
    String dedupKey,
    String mergedInto,
    boolean softwareOnly,
    boolean cached,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant notBefore,
    JobError error,
    JobResult result,
    String submittedBy,
    java.util.List<String> nodes) {

  /** {@link #submittedBy()} of jobs made at the workstation itself. */
  public static final String LOCAL = "local";

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Priority.check(priority);
    retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
    limits = limits == null ? TimeLimits.DEFAULT : limits;
    submittedBy = submittedBy == null || submittedBy.isBlank() ? LOCAL : submittedBy;
    nodes = nodes == null ? java.util.List.of() : java.util.List.copyOf(nodes);
  }

  /** A new job, version 0, queued at {@code createdAt}; set what else it needs on the builder. */
  public static JobBuilder create(String id, JobType type, QueueName queue, Instant createdAt) {
    return new JobBuilder(id, type, queue, createdAt);
  }

  /** A new job of this workstation's own user, queued now. */
  public static Job queued(
      String id,
      String name,
      JobType type,
      QueueName queue,
      int priority,
      long rank,
      Payload payload,
      RetryPolicy retryPolicy,
      TimeLimits limits,
      Instant now) {
    return queued(id, name, type, queue, priority, rank, payload, retryPolicy, limits, now, LOCAL);
  }

  /** A new job of {@code submittedBy}, queued now. */
  public static Job queued(
      String id,
      String name,
      JobType type,
      QueueName queue,
      int priority,
      long rank,
      Payload payload,
      RetryPolicy retryPolicy,
      TimeLimits limits,
      Instant now,
      String submittedBy) {
    JobBuilder b = create(id, type, queue, now);
    b.name = name;
    b.priority = priority;
    b.rank = rank;
    b.payload = payload;
    b.retryPolicy = retryPolicy;
    b.limits = limits;
    b.submittedBy = submittedBy;
    return b.build();
  }

  public JobBuilder edit() {
    return new JobBuilder(this);
  }

  /** This job moved to {@code next} at {@code at}; checks the transition table. */
  public Job to(JobState next, Instant at) {
    return transition(next, at).build();
  }

  /**
   * The next version of this job in state {@code next}, for setting more fields before {@link
   * JobBuilder#build()}; checks the transition table.
   */
  public JobBuilder transition(JobState next, Instant at) {
    JobTransitions.check(id, state, next);
    JobBuilder b = edit();
    b.state = next;
    switch (next) {
      case RUNNING -> {
        b.startedAt = at;
        b.finishedAt = null;
        b.attempts = attempts + 1;
        b.notBefore = null;
      }
      case QUEUED -> {
        b.notBefore = null;
        b.finishedAt = null;
      }
      case SUCCEEDED, FAILED, CANCELLED -> b.finishedAt = at;
      case RETRY_WAIT -> {}
    }
    return b;
  }

  public boolean isFollower() {
    return mergedInto != null;
  }
}
