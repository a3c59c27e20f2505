package dev.omnivibe.engine;

import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.studio.StudioOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This node: where its media and renders go (the data folder's, or in a studio the shared
 * folder's), what it runs now, and its part in the studio.
 *
 * @param studio null when the node runs alone
 * @param studioProblem why a configured studio could not be joined; null when it was, or none is
 *     configured
 */
record LocalNode(DataFolder folder, JobQueue queue, StudioLink studio, String studioProblem) {

  Path assetsDir() {
    return studio != null ? studio.assetsDir() : folder.assets();
  }

  Path outputsDir() {
    return studio != null ? studio.outputsDir() : folder.outputs();
  }

  Optional<String> studioStatus() {
    if (studio != null) {
      StudioOptions o = studio.options();
      return Optional.of(
          "node " + o.node() + " on " + o.redis() + ", shared folder " + o.sharedDir());
    }
    return Optional.ofNullable(studioProblem);
  }

  /** Its own queue's running jobs (less those the studio runs elsewhere), and studio jobs here. */
  List<String> runningHere() {
    List<String> out = new ArrayList<>();
    queue.openJobs().stream()
        .filter(j -> j.state() == JobState.RUNNING && !j.isFollower())
        .filter(j -> studio == null || !studio.holds(j.id()))
        .forEach(j -> out.add(j.id()));
    if (studio != null) {
      out.addAll(studio.runningHere());
    }
    return out;
  }
}
