package dev.omnivibe.engine.platform;

import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets another thread stop a job's work (a render, speech): every FFmpeg the render starts
 * registers here, and {@link #cancel()} asks each one to quit ({@code q}), killing it after a grace
 * period.
 */
public final class CancelToken {
  private final Set<FfmpegProcess> running = ConcurrentHashMap.newKeySet();
  private final Duration grace;
  private volatile String reason;

  public CancelToken() {
    this(Duration.ofSeconds(2));
  }

  public CancelToken(Duration grace) {
    this.grace = grace;
  }

  public void cancel() {
    cancel("cancelled");
  }

  /** Cancels with a reason (e.g. "soft time limit reached") that the render error carries. */
  public void cancel(String why) {
    cancel(why, grace);
  }

  /** Cancels, giving each FFmpeg {@code graceNow} to quit before it is killed (zero: kill now). */
  public void cancel(String why, Duration graceNow) {
    if (reason == null) {
      reason = why;
    }
    running.forEach(p -> p.stop(graceNow));
  }

  public boolean isCancelled() {
    return reason != null;
  }

  public String reason() {
    return reason;
  }

  /** An FFmpeg the render started: a cancel stops it. One started after a cancel stops at once. */
  public void register(FfmpegProcess process) {
    running.add(process);
    if (isCancelled()) {
      process.stop(grace);
    }
  }

  public void unregister(FfmpegProcess process) {
    running.remove(process);
  }
}
