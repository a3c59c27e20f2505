package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.FailureKind;

/** A job attempt failed; the kind decides whether it is retried. */
public final class JobFailedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureKind kind;

  public JobFailedException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public FailureKind kind() {
    return kind;
  }
}
