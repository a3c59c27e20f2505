package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineHealth;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.QueueStatus;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** Health, queues, encoders and cache invalidation. */
public final class SystemRoutes {
  private final Engine engine;
  private final ResponseCache cache;
  private final long maxJsonBytes;

  public SystemRoutes(Engine engine, ResponseCache cache, long maxJsonBytes) {
    this.engine = engine;
    this.cache = cache;
    this.maxJsonBytes = maxJsonBytes;
  }

  /** GET /health: no token needed, so it names no local paths. */
  public void health(Context ctx) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    EngineHealth health = engine.health();
    boolean storeOk = health.storeUp();
    String storeDetail = storeOk ? "ok" : "unavailable";
    boolean cacheOk = cache.backend().healthy();
    out.put("status", storeOk && cacheOk ? "ok" : "degraded");
    ObjectNode eng = out.putObject("engine");
    eng.put("status", "running");
    int depth = engine.queues().stream().mapToInt(QueueStatus::depth).sum();
    int running = engine.queues().stream().mapToInt(QueueStatus::running).sum();
    eng.put("queued", depth).put("running", running);
    out.putObject("store").put("status", storeDetail);
    out.putObject("cache")
        .put("backend", cache.backend().backend())
        .put("status", cacheOk ? "ok" : "unreachable (requests are served uncached)");
    out.putObject("ffmpeg")
        .put("status", "ok")
        .put("version", health.ffmpegVersion())
        .put("source", health.ffmpegSource())
        // Without local paths: /health answers callers without a token.
        .put("choice", health.ffmpegPublicChoice());
    Json.send(ctx, storeOk ? 200 : 503, out);
  }

  /** GET /api/v1/queues */
  public void queues(Context ctx) {
    ArrayNode arr = Json.MAPPER.createArrayNode();
    for (QueueStatus q : engine.queues()) {
      arr.addObject()
          .put("name", q.name().id())
          .put("depth", q.depth())
          .put("running", q.running())
          .put("workers", q.workers())
          .put("paused", q.paused())
          .put("etaSeconds", Math.round(q.etaSeconds() * 1000) / 1000.0);
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("queues", arr);
    Json.send(ctx, out);
  }

  public void pause(Context ctx) {
    engine.queue().pause(QueueName.parse(ctx.pathParam("name")));
    cache.invalidate("/api/v1/queues*");
    queues(ctx);
  }

  public void resume(Context ctx) {
    engine.queue().resume(QueueName.parse(ctx.pathParam("name")));
    cache.invalidate("/api/v1/queues*");
    queues(ctx);
  }

  /** GET /api/v1/encoders */
  public void encoders(Context ctx) {
    Json.send(ctx, encoderJson(engine.encoders(false)));
  }

  /** POST /api/v1/encoders/refresh: probes every candidate again. */
  public void refreshEncoders(Context ctx) {
    EncoderReport report = engine.encoders(true);
    cache.invalidate("/api/v1/encoders*");
    Json.send(ctx, encoderJson(report));
  }

  private static ObjectNode encoderJson(EncoderReport report) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    report
        .best(dev.omnivibe.engine.encoder.Codec.H264)
        .ifPresent(b -> out.put("default", b.name()));
    ArrayNode arr = out.putArray("encoders");
    for (EncoderStatus s : report.encoders()) {
      arr.addObject()
          .put("name", s.name())
          .put("vendor", s.vendor())
          .put("codec", s.codec().name().toLowerCase(Locale.ROOT))
          .put("hardware", s.hardware())
          .put("usable", s.usable())
          .put("reason", s.reason() == null ? null : s.reason().name().toLowerCase(Locale.ROOT))
          .put("detail", s.detail())
          .put("probeMillis", s.probeMillis());
    }
    return out;
  }

  /** POST /api/v1/cache/invalidate {"pattern": "/api/v1/jobs*"} */
  public void invalidate(Context ctx) {
    JsonNode body = Requests.json(ctx, maxJsonBytes);
    JsonNode pattern = body.path("pattern");
    if (!pattern.isTextual() || pattern.asText().isBlank()) {
      throw ApiException.invalid(
          "a glob pattern is required",
          List.of(new ApiException.FieldError("/pattern", "e.g. \"/api/v1/jobs*\"")));
    }
    long removed = cache.invalidate(pattern.asText());
    Json.send(
        ctx,
        Json.MAPPER.createObjectNode().put("pattern", pattern.asText()).put("removed", removed));
  }
}
