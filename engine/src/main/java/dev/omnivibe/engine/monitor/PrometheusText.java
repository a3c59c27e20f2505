package dev.omnivibe.engine.monitor;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the monitor's totals in the Prometheus text exposition format (version 0.0.4), so any
 * Prometheus or OpenTelemetry collector can scrape the workstation.
 */
public final class PrometheusText {
  private static final double[] QUANTILES = {0.5, 0.95, 0.99};

  private PrometheusText() {}

  public static String write(Metrics monitor) {
    List<Totals> all =
        monitor.totals().stream()
            .sorted(Comparator.comparing(Totals::category).thenComparing(Totals::operation))
            .toList();
    StringBuilder out = new StringBuilder();
    out.append("# HELP omnivibe_operation_duration_seconds Time taken by recorded operations.\n");
    out.append("# TYPE omnivibe_operation_duration_seconds summary\n");
    for (Totals t : all) {
      String labels = labels(t);
      for (double q : QUANTILES) {
        out.append("omnivibe_operation_duration_seconds{")
            .append(labels)
            .append(",quantile=\"")
            .append(q)
            .append("\"} ")
            .append(number(t.percentileMs(q * 100) / 1000))
            .append('\n');
      }
      out.append("omnivibe_operation_duration_seconds_sum{")
          .append(labels)
          .append("} ")
          .append(number(t.sumMs() / 1000))
          .append('\n');
      out.append("omnivibe_operation_duration_seconds_count{")
          .append(labels)
          .append("} ")
          .append(t.count())
          .append('\n');
    }
    out.append("# HELP omnivibe_operation_failures_total Recorded operations that failed.\n");
    out.append("# TYPE omnivibe_operation_failures_total counter\n");
    for (Totals t : all) {
      out.append("omnivibe_operation_failures_total{")
          .append(labels(t))
          .append("} ")
          .append(t.failures())
          .append('\n');
    }
    return out.toString();
  }

  private static String labels(Totals t) {
    return "category=\"" + escape(t.category()) + "\",operation=\"" + escape(t.operation()) + "\"";
  }

  /** Label values escape backslash, double quote and newline (exposition format rules). */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
