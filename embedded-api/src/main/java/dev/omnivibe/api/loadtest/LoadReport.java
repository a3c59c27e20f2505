package dev.omnivibe.api.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * What a load test measured: the seed's summary (totals, success rate, duration, throughput,
 * average, min, max, p50, p95, p99), the HdrHistogram percentile spectrum to p99.99, status codes,
 * one row per step, and the rate achieved against the rate asked for.
 */
public final class LoadReport {
  /** Latency figures in milliseconds. */
  public record Latency(
      double avgMs, double minMs, double maxMs, double p50Ms, double p95Ms, double p99Ms) {
    static Latency of(Histogram h) {
      if (h.getTotalCount() == 0) {
        return new Latency(0, 0, 0, 0, 0, 0);
      }
      return new Latency(
          h.getMean() / 1000,
          h.getMinValue() / 1000.0,
          h.getMaxValue() / 1000.0,
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(95) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0);
    }
  }

  /** One step's row. */
  public record StepRow(String name, long requests, long failed, long throttled, Latency latency) {}

  private final Instant timestamp;
  private final Recorder rec;
  private final double seconds;
  private final double requestedRate;
  private final String target;
  private final ClientLoad client;

  LoadReport(
      Instant timestamp, Recorder rec, double requestedRate, String target, ClientLoad client) {
    this.client = client;
    this.timestamp = timestamp;
    this.rec = rec;
    this.seconds = rec.count() == 0 ? 0 : (rec.lastEndNanos - rec.firstStartNanos) / 1e9;
    this.requestedRate = requestedRate;
    this.target = target;
  }

  public long total() {
    return rec.ok + rec.failed;
  }

  public long successful() {
    return rec.ok;
  }

  /** Answers that were 429 Too Many Requests: the server's rate limit, not a fault. */
  public long throttled() {
    return rec.throttled;
  }

  /** Requests that failed for another reason: a 4xx/5xx other than 429, or no answer. */
  public long errors() {
    return total() - successful() - throttled();
  }

  /** Percent of measured requests that failed for a reason other than a 429. */
  public double errorRate() {
    return total() == 0 ? 0 : 100.0 * errors() / total();
  }

  /** Percent of measured requests answered 429. */
  public double throttledRate() {
    return total() == 0 ? 0 : 100.0 * throttled() / total();
  }

  /**
   * Why these figures may describe the load tester rather than the server (an I/O thread near full,
   * a sender behind its schedule, a rate not reached), or empty when it kept up.
   */
  public List<String> clientSaturation() {
    return client.saturation(requestedRate, throughput());
  }

  /** Percent of measured requests that got a 2xx or 3xx answer. */
  public double successRate() {
    return total() == 0 ? 0 : 100.0 * rec.ok / total();
  }

  public double durationSeconds() {
    return seconds;
  }

  /** Completed requests per second over the measured window. */
  public double throughput() {
    return seconds <= 0 ? 0 : total() / seconds;
  }

  /** 0 for a closed-model run (no target rate). */
  public double requestedRate() {
    return requestedRate;
  }

  public Latency latency() {
    return Latency.of(rec.all);
  }

  public double percentileMs(double p) {
    return rec.all.getTotalCount() == 0 ? 0 : rec.all.getValueAtPercentile(p) / 1000.0;
  }

  public Map<Integer, Long> statusCodes() {
    return rec.statuses();
  }

  public List<StepRow> steps() {
    List<StepRow> rows = new ArrayList<>();
    rec.perStep.forEach(
        (name, h) ->
            rows.add(
                new StepRow(
                    name,
                    h.getTotalCount(),
                    rec.perStepCounts.get(name)[1],
                    rec.perStepCounts.get(name)[2],
                    Latency.of(h))));
    return rows;
  }

  /** The spectrum: value at each percentile, halving the distance to 100 each step, to p99.99. */
  public List<double[]> spectrum() {
    List<double[]> out = new ArrayList<>();
    if (rec.all.getTotalCount() == 0) {
      return out;
    }
    for (HistogramIterationValue v : rec.all.percentiles(1)) {
      double p = v.getPercentileLevelIteratedTo();
      out.add(new double[] {p, v.getValueIteratedTo() / 1000.0, v.getTotalCountToThisValue()});
      if (p >= 99.99) {
        break;
      }
    }
    return out;
  }

  /** The seed's {@code load_test_report.json} shape, extended. */
  public ObjectNode toJson(List<Threshold> thresholds) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("timestamp", timestamp.toString());
    root.put("target", target);
    Latency l = latency();
    ObjectNode s = root.putObject("summary");
    s.put("total_requests", total());
    s.put("successful_requests", successful());
    s.put("failed_requests", total() - successful());
    s.put("error_requests", errors());
    s.put("throttled_requests", throttled());
    s.put("success_rate", round(successRate()));
    s.put("duration_seconds", round(seconds));
    s.put("throughput_rps", round(throughput()));
    s.put("avg_response_time_ms", round(l.avgMs()));
    s.put("min_response_time_ms", round(l.minMs()));
    s.put("max_response_time_ms", round(l.maxMs()));
    s.put("p50_response_time_ms", round(l.p50Ms()));
    s.put("p95_response_time_ms", round(l.p95Ms()));
    s.put("p99_response_time_ms", round(l.p99Ms()));
    ObjectNode rate = root.putObject("rate");
    rate.put("requested_rps", requestedRate);
    rate.put("achieved_rps", round(throughput()));
    ObjectNode self = root.putObject("client");
    self.put("busiest_io_thread", round(client.busiestLoop()));
    self.put("sender_lag_p99_ms", round(client.senderLagP99Ms()));
    self.put("waited_for_connection", client.waitedForConnection());
    self.put("saturated", !clientSaturation().isEmpty());
    ArrayNode why = self.putArray("why");
    clientSaturation().forEach(why::add);
    ArrayNode spec = root.putArray("percentile_spectrum");
    for (double[] p : spectrum()) {
      spec.addObject()
          .put("percentile", p[0])
          .put("value_ms", round(p[1]))
          .put("count", (long) p[2]);
    }
    ObjectNode codes = root.putObject("status_codes");
    rec.statuses().forEach((k, v) -> codes.put(String.valueOf(k), v));
    ObjectNode errs = root.putObject("errors");
    rec.errors.forEach(errs::put);
    ArrayNode detailed = root.putArray("detailed_results");
    for (StepRow r : steps()) {
      detailed
          .addObject()
          .put("endpoint", r.name())
          .put("requests", r.requests())
          .put("failed", r.failed())
          .put("throttled", r.throttled())
          .put("avg_response_time_ms", round(r.latency().avgMs()))
          .put("p50_response_time_ms", round(r.latency().p50Ms()))
          .put("p95_response_time_ms", round(r.latency().p95Ms()))
          .put("p99_response_time_ms", round(r.latency().p99Ms()));
    }
    ArrayNode th = root.putArray("thresholds");
    for (Threshold t : thresholds) {
      th.addObject()
          .put("rule", t.text())
          .put("measured", round(t.measure(this)))
          .put("passed", t.passes(this));
    }
    return root;
  }

  /** The seed's console summary plus the spectrum, codes, steps and thresholds. */
  public void print(PrintWriter out, List<Threshold> thresholds) {
    Latency l = latency();
    out.println("Load Test Results: " + target);
    out.println("=".repeat(60));
    out.println();
    out.println("Overall Performance:");
    out.printf(Locale.ROOT, "  Total Requests:       %d%n", total());
    out.printf(Locale.ROOT, "  Successful:           %d (%.1f%%)%n", successful(), successRate());
    out.printf(Locale.ROOT, "  Errors:               %d%n", errors());
    out.printf(Locale.ROOT, "  Throttled (429):      %d%n", throttled());
    out.printf(Locale.ROOT, "  Duration:             %.2fs%n", seconds);
    out.printf(Locale.ROOT, "  Throughput:           %.2f req/s%n", throughput());
    if (requestedRate > 0) {
      out.printf(
          Locale.ROOT,
          "  Rate asked/achieved:  %.2f / %.2f req/s (latency from intended send time)%n",
          requestedRate,
          throughput());
    }
    out.println();
    out.println("Response Time Statistics:");
    out.printf(Locale.ROOT, "  Average:              %.2fms%n", l.avgMs());
    out.printf(Locale.ROOT, "  Minimum:              %.2fms%n", l.minMs());
    out.printf(Locale.ROOT, "  Maximum:              %.2fms%n", l.maxMs());
    out.printf(Locale.ROOT, "  P50 (Median):         %.2fms%n", l.p50Ms());
    out.printf(Locale.ROOT, "  P95:                  %.2fms%n", l.p95Ms());
    out.printf(Locale.ROOT, "  P99:                  %.2fms%n", l.p99Ms());
    out.println();
    out.println("Percentile spectrum (HdrHistogram):");
    for (double[] p : spectrum()) {
      out.printf(Locale.ROOT, "  %9.4f%%  %10.2fms  (%d)%n", p[0], p[1], (long) p[2]);
    }
    out.println();
    out.println(
        "Status codes: "
            + rec.statuses()
            + (rec.errors.isEmpty() ? "" : "  errors: " + rec.errors));
    out.println();
    out.printf(
        Locale.ROOT,
        "  %-36s %8s %7s %5s %10s %10s %10s%n",
        "Endpoint",
        "Requests",
        "Failed",
        "429",
        "Avg ms",
        "P95 ms",
        "P99 ms");
    for (StepRow r : steps()) {
      out.printf(
          Locale.ROOT,
          "  %-36s %8d %7d %5d %10.2f %10.2f %10.2f%n",
          truncate(r.name()),
          r.requests(),
          r.failed(),
          r.throttled(),
          r.latency().avgMs(),
          r.latency().p95Ms(),
          r.latency().p99Ms());
    }
    out.println();
    out.println("Performance Evaluation:");
    List<String> saturated = clientSaturation();
    if (saturated.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  ✅ The client kept up (busiest I/O thread %.0f%% busy%s)%n",
          client.busiestLoop() * 100,
          requestedRate > 0
              ? String.format(Locale.ROOT, ", sender lag p99 %.2fms", client.senderLagP99Ms())
              : "");
    } else {
      out.println(
          "  ⚠️ The client was saturated: "
              + String.join("; ", saturated)
              + ". These figures describe the load tester, not the server.");
    }
    out.println(
        l.avgMs() < 2000
            ? "  ✅ Average response time is excellent (< 2s)"
            : "  ⚠️ Average response time is over 2s");
    out.println(
        successRate() >= 99
            ? "  ✅ Success rate is excellent (≥ 99%)"
            : "  ⚠️ Success rate is below 99%");
    for (Threshold t : thresholds) {
      out.printf(
          Locale.ROOT,
          "  %s threshold %s (measured %.2f)%n",
          t.passes(this) ? "✅" : "❌",
          t.text(),
          t.measure(this));
    }
    out.flush();
  }

  private static String truncate(String s) {
    return s.length() <= 36 ? s : s.substring(0, 35) + "…";
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
  }
}
