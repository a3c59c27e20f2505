package dev.omnivibe.engine.job;

import java.time.Instant;

/**
 * The fields of a job being made: a new one ({@link #create}, version 0) or the next version of one
 * ({@link #edit()}, version + 1). Identity fields are set once and never edited.
 */
public final class JobBuilder {
  private final String id;
  private final JobType type;
  private final long version;
  private final Instant createdAt;
  public String name;
  public QueueName queue;
  public int priority = Priority.DEFAULT;
  public long rank;
  public JobState state = JobState.QUEUED;
  public int attempts;
  public int retries;
  public Payload payload;
  public RetryPolicy retryPolicy;
  public TimeLimits limits;
  public String dedupKey;
  public String mergedInto;
  public boolean softwareOnly;
  public boolean cached;
  public Instant startedAt;
  public Instant finishedAt;
  public Instant notBefore;
  public JobError error;
  public JobResult result;
  public String submittedBy = Job.LOCAL;
  public java.util.List<String> nodes = java.util.List.of();

  JobBuilder(String id, JobType type, QueueName queue, Instant createdAt) {
    this.id = id;
    this.type = type;
    this.version = 0;
    this.createdAt = createdAt;
    this.queue = queue;
  }

  JobBuilder(Job j) {
    id = j.id();
    type = j.type();
    version = j.version() + 1;
    createdAt = j.createdAt();
    name = j.name();
    queue = j.queue();
    priority = j.priority();
    rank = j.rank();
    state = j.state();
    attempts = j.attempts();
    retries = j.retries();
    payload = j.payload();
    retryPolicy = j.retryPolicy();
    limits = j.limits();
    dedupKey = j.dedupKey();
    mergedInto = j.mergedInto();
    softwareOnly = j.softwareOnly();
    cached = j.cached();
    startedAt = j.startedAt();
    finishedAt = j.finishedAt();
    notBefore = j.notBefore();
    error = j.error();
    result = j.result();
    submittedBy = j.submittedBy();
    nodes = j.nodes();
  }

  /** Records that the next attempt runs on {@code node}. */
  public JobBuilder ranOn(String node) {
    java.util.List<String> next = new java.util.ArrayList<>(nodes);
    next.add(node);
    nodes = next;
    return this;
  }

  public Job build() {
    return new Job(
        id,
        name,
        type,
        queue,
        priority,
        rank,
        state,
        attempts,
        retries,
        version,
        payload,
        retryPolicy,
        limits,
        dedupKey,
        mergedInto,
        softwareOnly,
        cached,
        createdAt,
        startedAt,
        finishedAt,
        notBefore,
        error,
        result,
        submittedBy,
        nodes);
  }
}
