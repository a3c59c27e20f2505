package dev.omnivibe.engine.store;

import dev.omnivibe.engine.job.Job;
import java.util.List;

/**
 * @param next cursor for the following page, or null when this is the last one
 */
public record JobPage(List<Job> jobs, String next) {
  public JobPage {
    jobs = List.copyOf(jobs);
  }
}
