package dev.omnivibe.engine.job;

/** A job was asked to make a state change that the transition table does not allow. */
public final class IllegalTransitionException extends JobConflictException {
  private static final long serialVersionUID = 1L;
  private final JobState from;
  private final JobState to;

  public IllegalTransitionException(String jobId, JobState from, JobState to) {
    super("job " + jobId + " cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public JobState from() {
    return from;
  }

  public JobState to() {
    return to;
  }
}
