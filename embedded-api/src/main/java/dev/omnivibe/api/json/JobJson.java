package dev.omnivibe.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.Json;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;

/** A job as the API shows it (the contract other issues and scripts rely on). */
public final class JobJson {
  private JobJson() {}

  /**
   * A finished job as completion hooks receive it: the API's document, so a webhook never sees the
   * node's local paths. Pass to {@code EngineConfig.hookJson}.
   */
  public static String hookDocument(Job j) {
    return of(j, JobProgress.DONE).toString();
  }

  public static ObjectNode of(Job j, JobProgress p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", j.id());
    n.put("name", j.name());
    n.put("type", j.type().name().toLowerCase(java.util.Locale.ROOT));
    n.put("state", j.state().name());
    n.put("priority", j.priority());
    n.put("queue", j.queue().id());
    n.put("attempts", j.attempts());
    n.put("submittedBy", j.submittedBy());
    // Which node ran each attempt, in order (in a studio, the first thing staff ask).
    var runs = n.putArray("ranOn");
    for (int i = 0; i < j.nodes().size(); i++) {
      runs.addObject().put("attempt", i + 1).put("node", j.nodes().get(i));
    }
    n.put("encoder", j.result() == null ? null : j.result().encoder());
    ObjectNode progress = n.putObject("progress");
    double percent = j.state() == dev.omnivibe.engine.job.JobState.SUCCEEDED ? 100 : p.percent();
    progress.put("percent", round(percent));
    if (Double.isNaN(p.etaSeconds()) || j.state().isTerminal()) {
      progress.putNull("etaSeconds");
    } else {
      progress.put("etaSeconds", round(p.etaSeconds()));
    }
    progress.put("speed", round(p.speed()));
    n.put("cached", j.cached());
    n.put("createdAt", time(j.createdAt()));
    n.put("startedAt", time(j.startedAt()));
    n.put("finishedAt", time(j.finishedAt()));
    if (j.error() == null) {
      n.putNull("error");
    } else {
      n.putObject("error").put("kind", j.error().kind().name()).put("message", j.error().message());
    }
    n.put("mergedInto", j.mergedInto());
    if (j.result() != null && j.result().output() != null) {
      ObjectNode r = n.putObject("result");
      r.put("bytes", j.result().bytes());
      r.put("sha256", j.result().sha256());
      r.put("videoSeconds", j.result().videoSeconds());
      r.put("speed", round(j.result().speed()));
      r.put("fallbackReason", j.result().fallbackReason());
      r.put("ffmpeg", j.result().ffmpeg());
      r.put("output", "/api/v1/jobs/" + j.id() + "/output");
      if (j.type() == dev.omnivibe.engine.job.JobType.NARRATION) {
        // Spoken audio lands in the asset store: use this id in a deck's "narration".
        r.put("asset", "asset:" + j.result().sha256());
      }
    }
    return n;
  }

  private static String time(java.time.Instant t) {
    return t == null ? null : t.toString();
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
  }
}
