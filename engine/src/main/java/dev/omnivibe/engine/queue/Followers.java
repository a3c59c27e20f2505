package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobTransitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Identical submissions made while one of them is open merge into it: the first (the leader)
 * renders and the others (followers) mirror its state and take its result. If the leader is
 * cancelled the first follower takes over, so one caller's cancel never cancels another's job. Used
 * under the queue's lock.
 */
final class Followers {
  private final Map<String, List<String>> byLeader = new HashMap<>();

  void add(String leader, String follower) {
    byLeader.computeIfAbsent(leader, k -> new ArrayList<>()).add(follower);
  }

  void remove(String leader, String follower) {
    List<String> ids = byLeader.get(leader);
    if (ids != null) {
      ids.remove(follower);
      if (ids.isEmpty()) {
        byLeader.remove(leader);
      }
    }
  }

  List<String> of(String leader) {
    return List.copyOf(byLeader.getOrDefault(leader, List.of()));
  }

  /** The leader's new version followed by the versions its followers move to with it. */
  List<Job> withLeader(Job leader, Function<String, Job> lookup, Instant now) {
    List<Job> out = new ArrayList<>();
    out.add(leader);
    List<String> ids = byLeader.getOrDefault(leader.id(), List.of());
    if (ids.isEmpty()) {
      return out;
    }
    if (leader.state() == JobState.CANCELLED) {
      byLeader.remove(leader.id());
      promote(ids, lookup, now, out);
      return out;
    }
    for (String id : ids) {
      Job f = lookup.apply(id);
      if (f == null
          || f.state() == leader.state()
          || !JobTransitions.allowed(f.state(), leader.state())) {
        continue;
      }
      JobBuilder b = f.transition(leader.state(), now);
      if (leader.state() == JobState.SUCCEEDED) {
        b.result = leader.result();
        b.cached = true;
      } else if (leader.state() == JobState.FAILED) {
        b.error = leader.error();
      } else if (leader.state() == JobState.RUNNING) {
        b.startedAt = leader.startedAt();
      } else if (leader.state() == JobState.RETRY_WAIT) {
        b.notBefore = leader.notBefore();
        b.error = leader.error();
      }
      out.add(b.build());
    }
    if (leader.state().isTerminal()) {
      byLeader.remove(leader.id());
    }
    return out;
  }

  private void promote(List<String> ids, Function<String, Job> lookup, Instant now, List<Job> out) {
    String heir = null;
    for (String id : ids) {
      Job f = lookup.apply(id);
      if (f == null) {
        continue;
      }
      JobBuilder b = f.state() == JobState.QUEUED ? f.edit() : f.transition(JobState.QUEUED, now);
      b.mergedInto = heir;
      out.add(b.build());
      if (heir == null) {
        heir = id;
      } else {
        add(heir, id);
      }
    }
  }
}
