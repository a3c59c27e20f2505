package dev.omnivibe.engine.store;

import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import java.util.EnumSet;
import java.util.Set;

/**
 * A filter for listing jobs.
 *
 * @param states empty for every state
 * @param queue null for every queue
 * @param cursor from the previous {@link JobPage}, or null for the first page
 * @param submittedBy only this caller's jobs; null for everyone's
 */
public record JobQuery(
    Set<JobState> states, QueueName queue, int limit, String cursor, String submittedBy) {
  public static final int MAX_LIMIT = 1000;

  public JobQuery {
    states =
        states == null || states.isEmpty()
            ? EnumSet.noneOf(JobState.class)
            : EnumSet.copyOf(states);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " is outside 1-" + MAX_LIMIT);
    }
  }

  /** Everyone's jobs. */
  public JobQuery(Set<JobState> states, QueueName queue, int limit, String cursor) {
    this(states, queue, limit, cursor, null);
  }

  public static JobQuery all(int limit) {
    return new JobQuery(null, null, limit, null);
  }

  /** The same query, narrowed to one caller's jobs. */
  public JobQuery of(String caller) {
    return new JobQuery(states, queue, limit, cursor, caller);
  }

  public boolean matches(dev.omnivibe.engine.job.Job job) {
    return (states.isEmpty() || states.contains(job.state()))
        && (queue == null || queue == job.queue())
        && (submittedBy == null || submittedBy.equals(job.submittedBy()));
  }
}
