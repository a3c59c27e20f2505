package dev.omnivibe.engine.service;

import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.studio.NodeInfo;
import dev.omnivibe.engine.studio.StudioOptions;
import java.nio.file.Path;
import java.time.Instant;
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
public record LocalNode(
    DataFolder folder, JobQueue queue, StudioLink studio, String studioProblem) {

  public Path assetsDir() {
    return studio != null ? studio.assetsDir() : folder.assets();
  }

  public Path outputsDir() {
    return studio != null ? studio.outputsDir() : folder.outputs();
  }

  public Optional<String> studioStatus() {
    if (studio != null) {
      StudioOptions o = studio.options();
      return Optional.of(
          "node " + o.node() + " on " + o.redis() + ", shared folder " + o.sharedDir());
    }
    return Optional.ofNullable(studioProblem);
  }

  /** Its own queue's running jobs (less those the studio runs elsewhere), and studio jobs here. */
  public List<String> runningHere() {
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

  /**
   * This node as the studio's node list shows it: usable hardware encoders as capabilities, video
   * workers as capacity, what it runs now.
   */
  public NodeInfo info(String id, String api, EncoderReport encoders, Instant now) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    List<String> caps =
        encoders.encoders().stream()
            .filter(e -> e.usable() && e.hardware())
            .map(EncoderStatus::name)
            .toList();
    int capacity = queue.snapshot(QueueName.VIDEO).workers();
    return new NodeInfo(id, host, caps, capacity, runningHere(), api, now);
  }
}
