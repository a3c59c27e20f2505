package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.platform.CancelToken;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/** What a handler gets for one attempt: the job, a cancel token and a way to report progress. */
public final class JobContext {
  private static final long MIN_EVENT_GAP_NANOS = 100_000_000L;
  private final Job job;
  private final CancelToken cancel;
  private final Clock clock;
  private final Consumer<JobProgress> sink;
  private volatile Instant lastProgressAt;
  private volatile JobProgress progress = JobProgress.NONE;
  private long lastEventNanos;

  /**
   * A context for one attempt; the queue makes these, and so does a studio node running a job it
   * took from the shared queue.
   */
  public JobContext(Job job, CancelToken cancel, Clock clock, Consumer<JobProgress> sink) {
    this.job = job;
    this.cancel = cancel;
    this.clock = clock;
    this.sink = sink;
    this.lastProgressAt = clock.instant();
  }

  /** The job as it was when this attempt started (state RUNNING). */
  public Job job() {
    return job;
  }

  public CancelToken cancelToken() {
    return cancel;
  }

  /** True when an earlier attempt failed in the encoder: use software this time. */
  public boolean softwareOnly() {
    return job.softwareOnly();
  }

  public Clock clock() {
    return clock;
  }

  /** Reports progress; listeners hear at most about ten updates a second. */
  public void progress(JobProgress p) {
    progress = p;
    lastProgressAt = clock.instant();
    long now = System.nanoTime();
    synchronized (this) {
      if (now - lastEventNanos < MIN_EVENT_GAP_NANOS && p.percent() < 100) {
        return;
      }
      lastEventNanos = now;
    }
    sink.accept(p);
  }

  JobProgress lastProgress() {
    return progress;
  }

  /** When progress was last reported (the start, before any); stall limits count from here. */
  public Instant lastProgressAt() {
    return lastProgressAt;
  }
}
