package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the open jobs at start. Only one engine uses a store at a time (the engine holds a lock
 * file), so a job still RUNNING belongs to a process that died: it is queued again with its attempt
 * count kept. A follower whose leader is gone becomes a job of its own.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  static Recovered run(Store store, Instant now, Followers followers) {
    Map<String, Job> open = new LinkedHashMap<>();
    store
        .jobsIn(EnumSet.of(JobState.QUEUED, JobState.RUNNING, JobState.RETRY_WAIT))
        .forEach(j -> open.put(j.id(), j));
    List<Job> changed = new ArrayList<>();
    int requeued = 0;
    for (Job j : List.copyOf(open.values())) {
      JobBuilder b = null;
      if (j.state() == JobState.RUNNING) {
        b = j.transition(JobState.QUEUED, now);
        requeued++;
        LOG.info("job {} was running when the last process stopped; queued again", j.id());
      }
      Job leader = j.isFollower() ? open.get(j.mergedInto()) : null;
      if (j.isFollower() && (leader == null || leader.isFollower())) {
        b = b == null ? j.edit() : b;
        b.mergedInto = null;
      }
      if (b != null) {
        Job next = b.build();
        changed.add(next);
        open.put(next.id(), next);
      }
    }
    store.updateAll(changed);
    for (Job j : open.values()) {
      if (j.isFollower()) {
        followers.add(j.mergedInto(), j.id());
      }
    }
    return new Recovered(List.copyOf(open.values()), requeued);
  }
}
