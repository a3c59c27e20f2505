package dev.omnivibe.engine.job;

/**
 * A job is not in a state where the asked change makes sense (moving a running job, changing the
 * priority of a finished one). Callers can tell the user so: the request was fine, the timing not.
 */
public class JobConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public JobConflictException(String message) {
    super(message);
  }
}
