package dev.omnivibe.engine.queue;

/**
 * Receives job events. Called on engine threads, never while the queue holds its lock; a slow
 * listener slows the job that reports, so hand work off (the UI merges events before the FX thread,
 * the API writes them to SSE streams).
 */
@FunctionalInterface
public interface JobListener {
  void onEvent(JobEvent event);
}
