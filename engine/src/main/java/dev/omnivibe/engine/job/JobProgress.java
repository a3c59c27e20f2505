package dev.omnivibe.engine.job;

/**
 * Live progress of a running job; kept in memory only (it changes ten times a second).
 *
 * @param etaSeconds NaN while unknown
 */
public record JobProgress(double percent, double etaSeconds, double speed, String phase) {
  public static final JobProgress NONE = new JobProgress(0, Double.NaN, 0, "");
  public static final JobProgress DONE = new JobProgress(100, 0, 0, "done");
}
