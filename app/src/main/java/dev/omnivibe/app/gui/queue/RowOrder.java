package dev.omnivibe.app.gui.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order the queue table shows: running jobs, then waiting jobs in the order they will run
 * (priority 9 first, then rank), then finished jobs, newest first.
 */
final class RowOrder {
  static final Comparator<JobRow> ORDER =
      Comparator.comparingInt((JobRow r) -> group(r.job().state()))
          .thenComparing(r -> r.job().queue())
          .thenComparing(Comparator.comparingInt((JobRow r) -> r.job().priority()).reversed())
          .thenComparingLong(r -> r.job().state().isTerminal() ? 0 : r.job().rank())
          .thenComparing(RowOrder::newest, Comparator.reverseOrder());

  private RowOrder() {}

  private static int group(JobState s) {
    return switch (s) {
      case RUNNING -> 0;
      case QUEUED, RETRY_WAIT -> 1;
      default -> 2;
    };
  }

  private static Instant newest(JobRow r) {
    Job j = r.job();
    return j.finishedAt() != null ? j.finishedAt() : j.createdAt();
  }
}
