package dev.omnivibe.engine.studio;

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

  static String done(String jobId) {
    return PREFIX + "done:" + jobId;
  }

  static String node(String id) {
    return PREFIX + "node:" + id;
  }

  static final String NODES = PREFIX + "nodes";
}
