package dev.omnivibe.engine.job;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal state changes. Everything that moves a job goes through {@link #check}.
 */
public final class JobTransitions {
  private static final Map<JobState, Set<JobState>> LEGAL = new EnumMap<>(JobState.class);

  static {
    // QUEUED -> FAILED: a job whose prerequisite (its narration) failed fails without running.
    LEGAL.put(JobState.QUEUED, EnumSet.of(JobState.RUNNING, JobState.CANCELLED, JobState.FAILED));
    // RUNNING -> QUEUED is the recovery of a job whose process died while running it.
    LEGAL.put(
        JobState.RUNNING,
        EnumSet.of(
            JobState.SUCCEEDED,
            JobState.FAILED,
            JobState.CANCELLED,
            JobState.RETRY_WAIT,
            JobState.QUEUED));
    LEGAL.put(JobState.RETRY_WAIT, EnumSet.of(JobState.QUEUED, JobState.CANCELLED));
    // A failed or cancelled job may be retried by hand; a success is final.
    LEGAL.put(JobState.FAILED, EnumSet.of(JobState.QUEUED));
    LEGAL.put(JobState.CANCELLED, EnumSet.of(JobState.QUEUED));
    LEGAL.put(JobState.SUCCEEDED, EnumSet.noneOf(JobState.class));
  }

  private JobTransitions() {}

  public static boolean allowed(JobState from, JobState to) {
    return LEGAL.get(from).contains(to);
  }

  /**
   * @throws IllegalTransitionException naming from and to when the change is not in the table
   */
  public static void check(String jobId, JobState from, JobState to) {
    if (!allowed(from, to)) {
      throw new IllegalTransitionException(jobId, from, to);
    }
  }

  /** The states a job may move to from {@code from}. */
  public static Set<JobState> next(JobState from) {
    Set<JobState> legal = EnumSet.noneOf(JobState.class);
    legal.addAll(LEGAL.get(from));
    return legal;
  }
}
