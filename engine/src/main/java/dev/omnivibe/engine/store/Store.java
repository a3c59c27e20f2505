package dev.omnivibe.engine.store;

import dev.omnivibe.engine.adapters.memory.MemoryStore;
import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where jobs, presentations, API clients and metric roll-ups live. Adapters: {@link SqliteStore}
 * (default, one file per user), {@link MemoryStore} (tests and benchmarks) and, for studios, a
 * Neo4j catalog. All of them pass the same contract test suite.
 *
 * <p>Job writes are optimistic: {@link #update} succeeds only when the stored version is the one
 * just before the new value, so two writers can never both move the same job.
 *
 * @throws StoreException from every method when the backend fails; the message names the store
 */
public interface Store extends AutoCloseable, ApiClients {

  /**
   * @throws StoreException if a job with the same id exists
   */
  void insert(Job job);

  /**
   * Replaces the stored job whose version is {@code job.version() - 1}.
   *
   * @throws StaleJobException if the stored version differs (someone else moved the job)
   * @throws StoreException if no such job exists
   */
  void update(Job job);

  /** Like {@link #update} for several jobs in one transaction: all are written or none. */
  void updateAll(Collection<Job> jobs);

  Optional<Job> job(String id);

  /** Every job in one of these states, oldest first (used at start to rebuild the queue). */
  List<Job> jobsIn(Set<JobState> states);

  /** A page of jobs, newest first. */
  JobPage jobs(JobQuery query);

  /** The most recently finished successful job with this dedup key, finished at or after. */
  Optional<Job> latestSucceeded(String dedupKey, Instant finishedAfter);

  /** Successful jobs finished at or after {@code since}, newest first, at most {@code limit}. */
  List<Job> succeededSince(Instant since, int limit);

  /** The highest rank any job has, 0 when there are none. */
  long maxRank();

  void savePresentation(Presentation presentation);

  Optional<Presentation> presentation(String id);

  /** Inserts or replaces roll-ups (keyed by category, operation and minute). */
  void saveRollups(Collection<MetricRollup> rollups);

  /** Roll-ups whose minute lies in {@code [from, to)}. */
  List<MetricRollup> rollups(Instant from, Instant to);

  /** Deletes roll-ups older than {@code before}; returns how many. */
  int deleteRollupsBefore(Instant before);

  @Override
  void close();
}
