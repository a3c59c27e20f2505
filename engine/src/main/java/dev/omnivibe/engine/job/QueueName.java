package dev.omnivibe.engine.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The named queues; each has its own workers. */
public enum QueueName {
  VIDEO,
  AUDIO,
  MAINTENANCE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the unknown queue and the known ones
   */
  public static QueueName parse(String name) {
    if (name != null) {
      for (QueueName q : values()) {
        if (q.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return q;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown queue '"
            + name
            + "' (queues are "
            + Arrays.stream(values()).map(QueueName::id).collect(Collectors.joining(", "))
            + ")");
  }

  @Override
  public String toString() {
    return id();
  }
}
