package dev.omnivibe.app.gui.queue;

import dev.omnivibe.engine.job.JobState;
import java.util.EnumSet;
import java.util.Set;

/** The queue table's state filter. */
public enum StateFilter {
  ALL("All jobs", EnumSet.allOf(JobState.class)),
  ACTIVE("Waiting and running", EnumSet.of(JobState.QUEUED, JobState.RUNNING, JobState.RETRY_WAIT)),
  RUNNING("Running", EnumSet.of(JobState.RUNNING)),
  SUCCEEDED("Finished", EnumSet.of(JobState.SUCCEEDED)),
  FAILED("Failed", EnumSet.of(JobState.FAILED)),
  CANCELLED("Cancelled", EnumSet.of(JobState.CANCELLED));

  private final String label;
  private final Set<JobState> states;

  StateFilter(String label, Set<JobState> states) {
    this.label = label;
    this.states = states;
  }

  public boolean accepts(JobState s) {
    return states.contains(s);
  }

  @Override
  public String toString() {
    return label;
  }
}
