package dev.omnivibe.engine.studio;

import java.time.Instant;
import java.util.List;

/**
 * A render node as the studio sees it.
 *
 * @param capabilities what it can run besides plain jobs (usable hardware encoders)
 * @param capacity how many jobs it runs at once
 * @param running ids of the jobs it runs now
 * @param api its API's URL, or empty when it serves none
 */
public record NodeInfo(
    String id,
    String host,
    List<String> capabilities,
    int capacity,
    List<String> running,
    String api,
    Instant lastSeen) {
  public NodeInfo {
    capabilities = List.copyOf(capabilities);
    running = List.copyOf(running);
  }
}
