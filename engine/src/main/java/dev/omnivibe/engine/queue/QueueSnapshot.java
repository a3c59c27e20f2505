package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.QueueName;

/**
 * The state of one named queue.
 *
 * @param depth jobs waiting to run (queued or waiting for a retry)
 */
public record QueueSnapshot(QueueName name, int depth, int running, int workers, boolean paused) {}
