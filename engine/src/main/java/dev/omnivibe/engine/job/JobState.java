package dev.omnivibe.engine.job;

/** Where a job is in its life; {@link JobTransitions} says which changes are legal. */
public enum JobState {
  QUEUED,
  RUNNING,
  RETRY_WAIT,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** A finished job: it never runs again unless someone retries it by hand. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
