package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.CacheStats;
import dev.omnivibe.engine.dedup.DedupStats;
import dev.omnivibe.engine.monitor.OperationStats;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.monitor.PrometheusText;
import dev.omnivibe.engine.monitor.TimePoint;
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

  public PerformanceRoutes(Engine engine, ResponseCache cache) {
    this.engine = engine;
    this.cache = cache;
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
    Json.send(ctx, reportJson(r, hours));
  }

  /**
   * The report in the seed's JSON shape (snake_case, milliseconds, success rates in percent); the
   * desktop app exports the same document.
   */
  public static ObjectNode reportJson(PerformanceReport r, double hours) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("period_hours", hours);
    out.put("category", r.category());
    out.put("total_operations", r.total().count());
    out.put("successful_operations", r.total().count() - r.total().failures());
    out.put("success_rate", r.total().count() == 0 ? 0 : round(r.total().successRate() * 100));
    out.set("overall_stats", stats(r.total()));
    ObjectNode ops = out.putObject("operations");
    r.operations()
        .forEach(
            (name, s) ->
                ops.set(
                    name,
                    stats(s)
                        .put("count", s.count())
                        .put("success_rate", round(s.successRate() * 100))));
    out.put("throughput_per_minute", round(r.throughputPerMinute()));
    out.put("step_seconds", r.step().toSeconds());
    ArrayNode series = out.putArray("series");
    for (TimePoint p : r.series()) {
      series
          .addObject()
          .put("start", p.start().toString())
          .put("count", p.stats().count())
          .put("success_rate", p.stats().count() == 0 ? null : round(p.stats().successRate() * 100))
          .put("p50_duration_ms", num(p.stats().p50Ms()))
          .put("p95_duration_ms", num(p.stats().p95Ms()))
          .put("p99_duration_ms", num(p.stats().p99Ms()));
    }
    return out;
  }

  private static ObjectNode stats(OperationStats s) {
    return Json.MAPPER
        .createObjectNode()
        .put("avg_duration_ms", num(s.avgMs()))
        .put("min_duration_ms", num(s.minMs()))
        .put("max_duration_ms", num(s.maxMs()))
        .put("p50_duration_ms", num(s.p50Ms()))
        .put("p95_duration_ms", num(s.p95Ms()))
        .put("p99_duration_ms", num(s.p99Ms()));
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
                    .put("p95_duration_ms", num(e.getValue().p95Ms()))
                    .put("avg_duration_ms", num(e.getValue().avgMs())));
    ObjectNode caches = out.putObject("cache_hit_rates");
    CacheStats http = cache.backend().stats();
    caches
        .putObject("http_responses")
        .put("backend", cache.backend().backend())
        .put("hits", http.hits())
        .put("misses", http.misses())
        .put("errors", http.errors())
        .put("hit_rate", num(http.hitRate()));
    DedupStats dedup = engine.dedupStats();
    caches
        .putObject("render_results")
        .put("hits", dedup.hits())
        .put("merged", dedup.merged())
        .put("misses", dedup.misses())
        .put("hit_rate", num(dedup.hitRate()));
    Map<String, double[]> speeds = new TreeMap<>();
    for (PerformanceMonitor.Sample s : engine.metrics().recent(1000)) {
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
                .put("avg_output_seconds_per_second", round(acc[0] / acc[1])));
    out.put("operations_last_24h", day.total().count());
    Json.send(ctx, out);
  }

  /** GET /metrics: Prometheus text format. */
  public void prometheus(Context ctx) {
    CacheStats c = cache.backend().stats();
    String backend = cache.backend().backend();
    String text =
        PrometheusText.write(engine.metrics())
            + "# HELP omnivibe_http_cache_lookups_total Response cache lookups by result.\n"
            + "# TYPE omnivibe_http_cache_lookups_total counter\n"
            + "omnivibe_http_cache_lookups_total{backend=\""
            + backend
            + "\",result=\"hit\"} "
            + c.hits()
            + "\n"
            + "omnivibe_http_cache_lookups_total{backend=\""
            + backend
            + "\",result=\"miss\"} "
            + c.misses()
            + "\n"
            + "# HELP omnivibe_http_cache_errors_total Cache operations that failed (backend unreachable).\n"
            + "# TYPE omnivibe_http_cache_errors_total counter\n"
            + "omnivibe_http_cache_errors_total{backend=\""
            + backend
            + "\"} "
            + c.errors()
            + "\n";
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text);
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
