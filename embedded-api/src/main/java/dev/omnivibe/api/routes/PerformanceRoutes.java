package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.api.json.ReportJson;
import dev.omnivibe.api.metrics.Meters;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.CacheStats;
import dev.omnivibe.engine.dedup.DedupStats;
import dev.omnivibe.engine.monitor.OperationStats;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.monitor.Sample;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The seed's performance report and insights, plus a Prometheus scrape endpoint. */
public final class PerformanceRoutes {
  private final Engine engine;
  private final ResponseCache cache;
  private final Meters meters;

  public PerformanceRoutes(Engine engine, ResponseCache cache, Meters meters) {
    this.engine = engine;
    this.cache = cache;
    this.meters = meters;
  }

  /** GET /api/v1/performance/report?category=api&hours=24 in the seed's shape, extended. */
  public void report(Context ctx) {
    String category = ctx.queryParam("category");
    double hours = 24;
    String h = ctx.queryParam("hours");
    if (h != null) {
      try {
        hours = Double.parseDouble(h);
      } catch (NumberFormatException e) {
        hours = -1;
      }
      if (!(hours > 0 && hours <= PerformanceMonitor.RETENTION.toHours())) {
        throw ApiException.invalid(
            "hours must be more than 0 and at most " + PerformanceMonitor.RETENTION.toHours(),
            List.of(new ApiException.FieldError("/hours", "got " + h)));
      }
    }
    PerformanceReport r =
        engine
            .metrics()
            .report(
                category == null || category.isBlank() ? null : category,
                Duration.ofSeconds(Math.round(hours * 3600)));
    Json.send(ctx, ReportJson.of(r, hours));
  }

  /** GET /api/v1/performance/insights: slowest operations, cache hit rates, encoder speed. */
  public void insights(Context ctx) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    PerformanceReport day = engine.metrics().report(null, Duration.ofHours(24));
    List<Map.Entry<String, OperationStats>> ops = new ArrayList<>();
    for (String category : engine.metrics().categories()) {
      engine
          .metrics()
          .report(category, Duration.ofHours(24))
          .operations()
          .forEach((op, s) -> ops.add(Map.entry(category + " " + op, s)));
    }
    ops.sort(
        Comparator.comparingDouble((Map.Entry<String, OperationStats> e) -> e.getValue().p95Ms())
            .reversed());
    ArrayNode slow = out.putArray("slowest_operations");
    ops.stream()
        .limit(10)
        .forEach(
            e ->
                slow.addObject()
                    .put("operation", e.getKey())
                    .put("count", e.getValue().count())
                    .put("p95_duration_ms", ReportJson.num(e.getValue().p95Ms()))
                    .put("avg_duration_ms", ReportJson.num(e.getValue().avgMs())));
    ObjectNode caches = out.putObject("cache_hit_rates");
    CacheStats http = cache.backend().stats();
    caches
        .putObject("http_responses")
        .put("backend", cache.backend().backend())
        .put("hits", http.hits())
        .put("misses", http.misses())
        .put("errors", http.errors())
        .put("hit_rate", ReportJson.num(http.hitRate()));
    DedupStats dedup = engine.dedupStats();
    caches
        .putObject("render_results")
        .put("hits", dedup.hits())
        .put("merged", dedup.merged())
        .put("misses", dedup.misses())
        .put("hit_rate", ReportJson.num(dedup.hitRate()));
    Map<String, double[]> speeds = new TreeMap<>();
    for (Sample s : engine.metrics().recent(1000)) {
      if (s.category().equals("render") && s.metadata().get("speed") instanceof Number n) {
        double[] acc =
            speeds.computeIfAbsent(String.valueOf(s.metadata().get("encoder")), k -> new double[2]);
        acc[0] += n.doubleValue();
        acc[1]++;
      }
    }
    ArrayNode enc = out.putArray("encoder_speed");
    speeds.forEach(
        (name, acc) ->
            enc.addObject()
                .put("encoder", name)
                .put("renders", (long) acc[1])
                .put("avg_output_seconds_per_second", ReportJson.round(acc[0] / acc[1])));
    out.put("operations_last_24h", day.total().count());
    Json.send(ctx, out);
  }

  /** GET /metrics: Prometheus text format. */
  public void prometheus(Context ctx) {
    ctx.contentType(Meters.contentType()).result(meters.scrape());
  }
}
