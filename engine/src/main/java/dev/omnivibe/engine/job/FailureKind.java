package dev.omnivibe.engine.job;

/** Why a job attempt failed; decides whether it is tried again. */
public enum FailureKind {
  /** The deck or its files are wrong: another attempt would fail the same way. */
  BAD_INPUT(false),
  /** The encoder failed while running (e.g. a hardware session limit); retried in software. */
  ENCODER(true),
  /** Anything else that may pass on a later try (FFmpeg crash, full disk, lost connection). */
  TRANSIENT(true),
  /** No progress for the stall limit. */
  STALLED(true),
  /** Stopped at the soft time limit. */
  TIMED_OUT(false),
  /** Killed at the hard time limit. */
  KILLED(false);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
