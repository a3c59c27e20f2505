package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/** A job attempt in progress: its worker thread, context, and why it is being stopped, if it is. */
final class RunningJob {
  final String id;
  final Instant startedAt;
  final JobContext context;
  final Thread worker;
  private volatile StopReason stopReason;

  /** Set when the hard limit gave up on the worker; its late result is ignored. */
  boolean abandoned;

  RunningJob(Job job, JobContext context, Thread worker) {
    this.id = job.id();
    this.startedAt = job.startedAt();
    this.context = context;
    this.worker = worker;
  }

  StopReason stopReason() {
    return stopReason;
  }

  /** Asks the job to stop (gracefully) for {@code reason}; the first reason given wins. */
  void stop(StopReason reason, String message, Executor executor) {
    if (stopReason != null) {
      return;
    }
    stopReason = reason;
    // CancelToken waits for FFmpeg to quit; never block the caller (often the tick or a UI call).
    executor.execute(() -> context.cancelToken().cancel(message));
  }

  /** Kills the job's processes now and interrupts its worker. */
  void kill(String message, Executor executor) {
    stopReason = StopReason.HARD_LIMIT;
    executor.execute(() -> context.cancelToken().cancel(message, Duration.ZERO));
    worker.interrupt();
  }
}
