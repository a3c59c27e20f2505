package dev.omnivibe.engine.queue;

/**
 * Receives job events: one thread delivers them in the order the changes happened, never while the
 * queue holds its lock, so a listener may call back into the queue. A slow listener delays the
 * events after it (never a job): hand work off (the UI merges events before the FX thread, the API
 * queues them per SSE client).
 */
@FunctionalInterface
public interface JobListener {
  void onEvent(JobEvent event);
}
