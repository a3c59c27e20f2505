package dev.omnivibe.engine.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.hooks.Hook;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.TimeLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * A render to submit.
 *
 * @param deck the deck JSON; media are {@code asset:<sha256>} ids or, for local callers, paths
 * @param baseDir what relative paths in the deck are relative to; null when only asset ids are
 *     allowed (remote callers never name local paths)
 * @param queue null for the video queue
 * @param encoder {@code auto} or an encoder name
 * @param output where to write the MP4; null for the engine's outputs folder
 * @param retryPolicy null for the default
 * @param limits null for the default
 * @param hooks what to run or call when this job finishes (besides the global hooks)
 * @param submittedBy who asks (see {@code Job.submittedBy()}); null for this workstation
 */
public record RenderRequest(
    String name,
    JsonNode deck,
    Path baseDir,
    int priority,
    QueueName queue,
    String encoder,
    Path output,
    RetryPolicy retryPolicy,
    TimeLimits limits,
    List<Hook> hooks,
    String submittedBy) {

  public RenderRequest {
    Priority.check(priority);
    submittedBy =
        submittedBy == null || submittedBy.isBlank()
            ? dev.omnivibe.engine.job.Job.LOCAL
            : submittedBy;
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
    encoder = encoder == null || encoder.isBlank() ? "auto" : encoder.trim();
    name = name == null || name.isBlank() ? "Untitled render" : name.trim();
  }

  /** A request of this workstation's own user. */
  public RenderRequest(
      String name,
      JsonNode deck,
      Path baseDir,
      int priority,
      QueueName queue,
      String encoder,
      Path output,
      RetryPolicy retryPolicy,
      TimeLimits limits,
      List<Hook> hooks) {
    this(name, deck, baseDir, priority, queue, encoder, output, retryPolicy, limits, hooks, null);
  }

  /** The same request, asked for by {@code who}. */
  public RenderRequest by(String who) {
    return new RenderRequest(
        name, deck, baseDir, priority, queue, encoder, output, retryPolicy, limits, hooks, who);
  }

  /** A request without hooks of its own. */
  public RenderRequest(
      String name,
      JsonNode deck,
      Path baseDir,
      int priority,
      QueueName queue,
      String encoder,
      Path output,
      RetryPolicy retryPolicy,
      TimeLimits limits) {
    this(name, deck, baseDir, priority, queue, encoder, output, retryPolicy, limits, List.of());
  }

  /** A local deck with default priority and settings. */
  public static RenderRequest local(String name, JsonNode deck, Path baseDir) {
    return new RenderRequest(name, deck, baseDir, Priority.DEFAULT, null, "auto", null, null, null);
  }
}
