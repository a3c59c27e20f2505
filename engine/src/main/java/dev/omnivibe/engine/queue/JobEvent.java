package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;

/**
 * Something happened to a job: it changed state (or priority, or place), or made progress.
 *
 * @param progress the latest progress; {@link JobProgress#NONE} before any
 */
public record JobEvent(Kind kind, Job job, JobProgress progress) {
  public enum Kind {
    /** The job was stored with a new state, priority or position. */
    CHANGED,
    /** A running job reported progress (at most about ten times a second). */
    PROGRESS
  }
}
