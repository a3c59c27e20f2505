package dev.omnivibe.engine.adapters.redis;

import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names in Redis. One stream per queue, priority band and capability ({@code any} for jobs any node
 * can run), so a node reads only what it can run, highest priority first, like the local queue.
 */
final class StreamKeys {
  static final String PREFIX = "omnivibe:";
  static final String GROUP = "nodes";
  static final String ANY = "any";

  private StreamKeys() {}

  static String stream(QueueName queue, int priority, String capability) {
    Priority.check(priority);
    return PREFIX
        + "jobs:"
        + queue.id()
        + ":p"
        + priority
        + ":"
        + (capability == null ? ANY : capability);
  }

  /** The streams a node with {@code capabilities} reads, in the order it reads them. */
  static List<String> readOrder(Set<QueueName> queues, Set<String> capabilities) {
    List<String> out = new ArrayList<>();
    for (int p = Priority.MAX; p >= Priority.MIN; p--) {
      for (QueueName q : QueueName.values()) {
        if (!queues.contains(q)) {
          continue;
        }
        out.add(stream(q, p, null));
        for (String c : capabilities.stream().sorted().toList()) {
          out.add(stream(q, p, c));
        }
      }
    }
    return out;
  }

  static String done(String jobId, String entry) {
    return PREFIX + "done:" + jobId + ":" + entry;
  }

  static String dispatched(String jobId) {
    return PREFIX + "dispatched:" + jobId;
  }

  static String cancel(String jobId, String entry) {
    return PREFIX + "cancel:" + jobId + ":" + entry;
  }

  /** Where the node that submitted jobs hears about them (pub/sub: progress is not kept). */
  static String events(String node) {
    return PREFIX + "events:" + node;
  }

  /** A finished result any node may reuse for the same dedup key. */
  static String result(String dedupKey) {
    return PREFIX + "result:" + dedupKey;
  }

  /** Held by the node rendering a dedup key, so identical jobs elsewhere wait for it. */
  static String rendering(String dedupKey) {
    return PREFIX + "rendering:" + dedupKey;
  }

  static String node(String id) {
    return PREFIX + "node:" + id;
  }

  static final String NODES = PREFIX + "nodes";
}
