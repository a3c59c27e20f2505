package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.ApiException.FieldError;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.auth.Caller;
import dev.omnivibe.api.http.Gate;
import dev.omnivibe.api.json.JobJson;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.hooks.Hook;
import dev.omnivibe.engine.hooks.WebhookHook;
import dev.omnivibe.engine.hooks.WebhookTargets;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.store.JobPage;
import dev.omnivibe.engine.store.JobQuery;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Submitting, listing, steering and downloading jobs. */
public final class JobRoutes {
  private final Engine engine;
  private final long maxJsonBytes;
  private final Idempotency idempotency;

  public JobRoutes(Engine engine, long maxJsonBytes, Idempotency idempotency) {
    this.engine = engine;
    this.maxJsonBytes = maxJsonBytes;
    this.idempotency = idempotency;
  }

  /**
   * POST /api/v1/jobs: 202 with Location. The same Idempotency-Key answers with the same job, also
   * when both requests arrive at once.
   */
  public void submit(Context ctx) throws InvalidDeckException {
    JsonNode body = Requests.json(ctx, maxJsonBytes);
    String key = ctx.header("Idempotency-Key");
    Caller caller = Gate.caller(ctx);
    RenderRequest request = request(body, engine.webhookTargets()).by(caller.id());
    if (key == null) {
      answer(ctx, 202, engine.submit(request));
      return;
    }
    Idempotency.Outcome once =
        idempotency.once(caller.tokenKey(), key, body, () -> engine.submit(request).id());
    if (once.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    answer(
        ctx,
        202,
        engine.job(once.jobId()).orElseThrow(() -> new UnknownJobException(once.jobId())));
  }

  private void answer(Context ctx, int status, Job job) {
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    Json.send(ctx, status, JobJson.of(job, engine.progress(job.id())));
  }

  static RenderRequest request(JsonNode body, WebhookTargets targets) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode name = body.path("name");
    if (!name.isMissingNode() && !name.isTextual()) {
      errors.add(new FieldError("/name", "must be a string"));
    }
    int priority = Requests.priority(body.path("priority"), errors);
    QueueName queue = null;
    JsonNode q = body.path("queue");
    if (!q.isMissingNode() && !q.isNull()) {
      try {
        queue = QueueName.parse(q.asText());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("/queue", e.getMessage()));
      }
    }
    JsonNode encoder = body.path("encoder");
    if (!encoder.isMissingNode() && !encoder.isTextual()) {
      errors.add(new FieldError("/encoder", "must be a string such as auto or libx264"));
    }
    JsonNode deck = body.path("deck");
    if (!deck.isObject()) {
      errors.add(
          new FieldError("/deck", "required: the deck, with every file as \"asset:<sha256>\""));
    }
    List<Hook> hooks = hooks(body.path("hooks"), targets, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the request has " + errors.size() + " problem(s)", errors);
    }
    return new RenderRequest(
        name.asText(null),
        deck,
        null,
        priority,
        queue,
        encoder.asText(null),
        null,
        null,
        null,
        hooks,
        null);
  }

  /**
   * {@code "hooks": [{"webhook": "https://…"}]}. A remote caller may only ask for webhooks: running
   * programs is for the config file of the machine itself.
   */
  static List<Hook> hooks(JsonNode node, WebhookTargets targets, List<FieldError> errors) {
    List<Hook> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      errors.add(new FieldError("/hooks", "must be an array of {\"webhook\": \"https://…\"}"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode h = node.get(i);
      if (h.has("command")) {
        errors.add(
            new FieldError(
                "/hooks/" + i + "/command",
                "command hooks cannot be set over the API; set hooks.command in the node's config file"));
      } else if (h.path("webhook").isTextual()) {
        try {
          WebhookHook w = Hook.webhook(h.get("webhook").asText());
          targets.check(w.url());
          out.add(w);
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("/hooks/" + i + "/webhook", e.getMessage()));
        }
      } else {
        errors.add(new FieldError("/hooks/" + i, "must be {\"webhook\": \"https://…\"}"));
      }
    }
    return out;
  }

  /** GET /api/v1/jobs?status=&queue=&limit=&cursor= */
  public void list(Context ctx) {
    Set<JobState> states = EnumSet.noneOf(JobState.class);
    String status = ctx.queryParam("status");
    if (status != null && !status.isBlank()) {
      for (String s : status.split(",")) {
        try {
          states.add(JobState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid(
              "unknown status '" + s.trim() + "'",
              List.of(new FieldError("/status", "one of " + EnumSet.allOf(JobState.class))));
        }
      }
    }
    String queue = ctx.queryParam("queue");
    int limit = 50;
    String l = ctx.queryParam("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > JobQuery.MAX_LIMIT) {
        throw ApiException.invalid(
            "limit must be 1-" + JobQuery.MAX_LIMIT, List.of(new FieldError("/limit", "got " + l)));
      }
    }
    JobQuery query =
        new JobQuery(
            states, queue == null ? null : QueueName.parse(queue), limit, ctx.queryParam("cursor"));
    Caller caller = Gate.caller(ctx);
    JobPage page = engine.jobs(caller.ownJobsOnly() ? query.of(caller.id()) : query);
    ObjectNode out = Json.MAPPER.createObjectNode();
    var arr = out.putArray("jobs");
    page.jobs().forEach(j -> arr.add(JobJson.of(j, engine.progress(j.id()))));
    out.put("next", page.next());
    Json.send(ctx, out);
  }

  public void get(Context ctx) {
    Job job = find(ctx);
    Json.send(ctx, JobJson.of(job, engine.progress(job.id())));
  }

  /** DELETE: cancels; a running job stops shortly after (watch its events). */
  public void cancel(Context ctx) {
    Job job = engine.queue().cancel(find(ctx).id());
    Json.send(ctx, 202, JobJson.of(engine.job(job.id()).orElse(job), engine.progress(job.id())));
  }

  /** PATCH {"priority": N} */
  public void patch(Context ctx) {
    String id = find(ctx).id();
    JsonNode body = Requests.json(ctx, maxJsonBytes);
    JsonNode p = body.path("priority");
    List<FieldError> errors = new ArrayList<>();
    if (p.isMissingNode()) {
      errors.add(new FieldError("/priority", "required: a whole number from 0 to 9"));
    }
    int priority = Requests.priority(p, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("only priority can be changed", errors);
    }
    Job job = engine.queue().changePriority(id, priority);
    Json.send(ctx, JobJson.of(job, engine.progress(id)));
  }

  Job find(Context ctx) {
    return find(engine, ctx);
  }

  /**
   * The job in the path, if this caller may see it: a submitter sees only its own, and another's
   * job answers 404 exactly as a missing one does, so its existence is not given away.
   */
  static Job find(Engine engine, Context ctx) {
    String id = ctx.pathParam("id");
    Caller caller = Gate.caller(ctx);
    return engine
        .job(id)
        .filter(j -> !caller.ownJobsOnly() || caller.id().equals(j.submittedBy()))
        .orElseThrow(() -> new UnknownJobException(id));
  }
}
