package dev.omnivibe.engine.watch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A watch folder.
 *
 * @param priority of the renders it queues
 * @param settle how long a drop must stay unchanged (size and time) before it is read
 * @param slideSeconds how long each image shows when a plain folder of images is dropped
 */
public record WatchSettings(Path folder, int priority, Duration settle, double slideSeconds) {
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);
  public static final double DEFAULT_SLIDE_SECONDS = 5;
}
