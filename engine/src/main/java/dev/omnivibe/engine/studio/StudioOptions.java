package dev.omnivibe.engine.studio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node takes part in a studio's shared queue.
 *
 * @param redis the studio's Redis, e.g. {@code redis://render-db:6379}
 * @param node this node's id in the studio (unique per data folder)
 * @param sharedDir a folder every node mounts at the same path (NFS, SMB); assets and outputs of
 *     studio jobs live there (ADR 9)
 * @param reclaimAfter how long a job may go without its node's heartbeat before another node takes
 *     it over; heartbeats come four times as often
 * @param pollEvery how often the submitting node looks for results the event channel missed
 * @param capacity how many studio jobs this node runs at once; -1 for as many as its video queue
 *     has workers, 0 for a node that only submits (a laptop that should not render)
 */
public record StudioOptions(
    String redis,
    String node,
    Path sharedDir,
    Duration reclaimAfter,
    Duration pollEvery,
    int capacity) {
  public static final Duration RECLAIM_AFTER = Duration.ofSeconds(30);

  public StudioOptions {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(node, "node");
    sharedDir = sharedDir.toAbsolutePath().normalize();
    if (reclaimAfter.toMillis() < 200) {
      throw new IllegalArgumentException("reclaimAfter must be at least 200 ms");
    }
    if (capacity < -1 || capacity > 64) {
      throw new IllegalArgumentException("studio capacity " + capacity + " is outside 0-64");
    }
  }

  public static StudioOptions of(String redis, String node, Path sharedDir) {
    return new StudioOptions(redis, node, sharedDir, RECLAIM_AFTER, Duration.ofSeconds(1), -1);
  }

  public StudioOptions withCapacity(int jobs) {
    return new StudioOptions(redis, node, sharedDir, reclaimAfter, pollEvery, jobs);
  }

  public StudioOptions withReclaimAfter(Duration after) {
    return new StudioOptions(redis, node, sharedDir, after, pollEvery, capacity);
  }
}
