package dev.omnivibe.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.Json;
import dev.omnivibe.engine.monitor.OperationStats;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.monitor.TimePoint;

/** Performance reports as JSON, for {@code GET /api/v1/performance/report} and the app's export. */
public final class ReportJson {
  private ReportJson() {}

  /**
   * The report in the seed's JSON shape (snake_case, milliseconds, success rates in percent); the
   * desktop app exports the same document.
   */
  public static ObjectNode of(PerformanceReport r, double hours) {
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

  /** Milliseconds to two decimals; null for a statistic without samples. */
  public static Double num(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }

  public static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
