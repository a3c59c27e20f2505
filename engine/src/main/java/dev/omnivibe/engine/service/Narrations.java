package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.SpokenSlide;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.payload.NarrationPayload;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.GateVerdict;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Slides with {@code narrationText}: each becomes a narration job on the audio queue (or an earlier
 * identical narration), the render waits for them through the queue's gate, and at render time the
 * spoken WAV assets take the place of the text.
 */
public final class Narrations {
  private final ResultCache cache;
  private JobQueue queue;

  public Narrations(ResultCache cache) {
    this.cache = cache;
  }

  public void attach(JobQueue queue) {
    this.queue = queue;
  }

  /**
   * Queues the narration jobs (or finds identical earlier ones) and returns, per slide, what the
   * render needs: {@code job:<id>} to wait for, or {@code asset:<sha256>} already spoken.
   */
  public Map<Integer, String> submit(
      List<SpokenSlide> spoken, String name, int priority, String by) {
    Map<Integer, String> needs = new LinkedHashMap<>();
    for (SpokenSlide s : spoken) {
      NarrationPayload payload = Narrator.payload(s);
      String key = payload.dedupKey();
      Optional<Job> earlier = cache.lookup(key);
      if (earlier.isPresent()) {
        needs.put(s.slide(), "asset:" + earlier.get().result().sha256());
        continue;
      }
      Job job =
          queue.submit(
              new NewJob(
                  name + " · narration " + (s.slide() + 1),
                  JobType.NARRATION,
                  null,
                  priority,
                  PayloadCodec.write(payload),
                  null,
                  null,
                  key,
                  by));
      needs.put(s.slide(), "job:" + job.id());
    }
    return needs;
  }

  /** The gate: a render waits for its narration jobs and fails when one failed. */
  public GateVerdict check(Job job, Function<String, Optional<Job>> jobs) {
    if (job.type() != JobType.RENDER) {
      return GateVerdict.READY;
    }
    for (var e : PayloadCodec.render(job).needs().entrySet()) {
      String ref = e.getValue();
      if (!ref.startsWith("job:")) {
        continue;
      }
      Optional<Job> n = jobs.apply(ref.substring(4));
      int slide = e.getKey() + 1;
      if (n.isEmpty()) {
        return GateVerdict.fail("the narration job for slide " + slide + " is gone");
      }
      JobState st = n.get().state();
      if (st == JobState.FAILED) {
        return GateVerdict.fail(
            "narration for slide "
                + slide
                + " failed: "
                + (n.get().error() == null ? "no reason given" : n.get().error().message()));
      }
      if (st == JobState.CANCELLED) {
        return GateVerdict.fail("narration for slide " + slide + " was cancelled");
      }
      if (st != JobState.SUCCEEDED) {
        return GateVerdict.WAIT;
      }
    }
    return GateVerdict.READY;
  }

  /**
   * The narration files a render's spoken slides now have: every finished narration job replaced by
   * the asset it made.
   *
   * @throws IllegalArgumentException naming a slide whose narration is not ready
   */
  public Map<Integer, String> spoken(RenderPayload p) {
    Map<Integer, String> files = new LinkedHashMap<>();
    for (var e : resolved(p.needs(), queue::job).entrySet()) {
      if (e.getValue().startsWith("job:")) {
        throw new IllegalArgumentException(
            "the narration for slide " + (e.getKey() + 1) + " is not ready");
      }
      files.put(e.getKey(), e.getValue());
    }
    return files;
  }

  /**
   * {@code needs} with every finished narration job replaced by the asset it made, for a node that
   * cannot look up this node's jobs; unfinished ones are left as they are.
   */
  public static Map<Integer, String> resolved(
      Map<Integer, String> needs, Function<String, Optional<Job>> jobs) {
    Map<Integer, String> out = new LinkedHashMap<>();
    needs.forEach(
        (slide, ref) ->
            out.put(
                slide,
                ref.startsWith("job:")
                    ? jobs.apply(ref.substring(4))
                        .filter(j -> j.state() == JobState.SUCCEEDED && j.result() != null)
                        .map(j -> "asset:" + j.result().sha256())
                        .orElse(ref)
                    : ref));
    return out;
  }
}
