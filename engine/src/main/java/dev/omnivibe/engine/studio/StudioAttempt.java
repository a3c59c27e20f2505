package dev.omnivibe.engine.studio;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/** A job this node took from the shared queue and is running (or waiting to run) now. */
final class StudioAttempt {
  final Delivery delivery;
  final Job job;
  final String submitter;
  final Instant startedAt;
  final CancelToken token = new CancelToken();
  volatile JobContext context;
  private volatile StopReason stop;

  /** Set when another node took the job over (this one missed heartbeats): its result is void. */
  volatile boolean lost;

  StudioAttempt(Delivery delivery, Job job, String submitter, Instant startedAt) {
    this.delivery = delivery;
    this.job = job;
    this.submitter = submitter;
    this.startedAt = startedAt;
  }

  StopReason stop() {
    return stop;
  }

  /** Stops the job for {@code reason}; the first reason wins. A hard limit kills at once. */
  void stop(StopReason reason, Executor executor) {
    if (stop != null) {
      return;
    }
    stop = reason;
    String message = reason.message(job.limits());
    Duration grace = reason == StopReason.HARD_LIMIT ? Duration.ZERO : null;
    // The token waits for FFmpeg to quit; never block the heartbeat thread on it.
    executor.execute(
        () -> {
          if (grace == null) {
            token.cancel(message);
          } else {
            token.cancel(message, grace);
          }
        });
  }

  /** The limit this attempt has run past at {@code now}, if any. */
  StopReason overLimit(Instant now) {
    Duration elapsed = Duration.between(startedAt, now);
    if (elapsed.compareTo(job.limits().hard()) >= 0) {
      return StopReason.HARD_LIMIT;
    }
    if (elapsed.compareTo(job.limits().soft()) >= 0) {
      return StopReason.SOFT_LIMIT;
    }
    JobContext ctx = context;
    if (ctx != null
        && Duration.between(ctx.lastProgressAt(), now).compareTo(job.limits().stall()) >= 0) {
      return StopReason.STALL;
    }
    return null;
  }
}
