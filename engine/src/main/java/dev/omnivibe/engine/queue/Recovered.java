package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import java.util.List;

public record Recovered(List<Job> jobs, int requeued) {}
