package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The jobs that have not finished, indexed the ways the queue needs them: by id, queued ones in
 * their lane's run order, retry waits by due time, and the open job of each dedup key. Changed
 * under the queue's lock; {@link #get} may be read without it.
 */
final class OpenJobs {
  private final Map<String, Job> byId = new ConcurrentHashMap<>();
  private final TreeSet<Job> waiting =
      new TreeSet<>(Comparator.comparing(Job::notBefore).thenComparing(Job::id));
  private final Map<String, String> leaders = new HashMap<>();
  private final Function<Job, Lane> lanes;

  OpenJobs(Function<Job, Lane> lanes) {
    this.lanes = lanes;
  }

  Job get(String id) {
    return byId.get(id);
  }

  List<Job> all() {
    return new ArrayList<>(byId.values());
  }

  /** The open job that renders {@code dedupKey}, or null. */
  Job leader(String dedupKey) {
    return dedupKey == null ? null : byId.get(leaders.getOrDefault(dedupKey, ""));
  }

  /** The first retry wait that is due at {@code now}, or null. */
  Job due(Instant now) {
    return waiting.isEmpty() || waiting.first().notBefore().isAfter(now) ? null : waiting.first();
  }

  List<Job> retrying(QueueName queue) {
    return waiting.stream().filter(j -> j.queue() == queue).toList();
  }

  /** Moves a job's entries from its previous version to {@code next}. */
  void place(Job next) {
    Job old = byId.get(next.id());
    if (old != null) {
      lanes.apply(old).ready.remove(old);
      waiting.remove(old);
      leaders.remove(old.dedupKey(), old.id());
    }
    if (next.state().isTerminal()) {
      byId.remove(next.id());
      return;
    }
    byId.put(next.id(), next);
    if (next.isFollower()) {
      return;
    }
    if (next.dedupKey() != null) {
      leaders.put(next.dedupKey(), next.id());
    }
    if (next.state() == JobState.QUEUED) {
      Lane lane = lanes.apply(next);
      lane.ready.add(next);
      lane.wake.signal();
    } else if (next.state() == JobState.RETRY_WAIT) {
      waiting.add(next);
    }
  }
}
