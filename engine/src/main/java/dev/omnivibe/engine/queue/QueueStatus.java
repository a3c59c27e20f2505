package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.QueueName;

/**
 * A named queue as the UI and API show it.
 *
 * @param depth jobs waiting (queued or waiting for a retry)
 * @param etaSeconds estimated seconds until everything in the queue has run
 */
public record QueueStatus(
    QueueName name, int depth, int running, int workers, boolean paused, double etaSeconds) {}
