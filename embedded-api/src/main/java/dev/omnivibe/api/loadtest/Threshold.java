package dev.omnivibe.api.loadtest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail rule for CI, such as {@code p95<500ms}, {@code errors<1%} or {@code rps>=200}.
 * Metrics: avg, min, max, p50, p90, p95, p99, p99.9, p99.99 (times: ms or s), errors and throttled
 * (percent; a 429 counts as throttled, not as an error), rps.
 */
public record Threshold(String text, String metric, String op, double value) {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*(avg|min|max|p\\d+(?:\\.\\d+)?|errors|throttled|rps)\\s*(<=|>=|<|>)\\s*([\\d.]+)\\s*(ms|s|%)?\\s*");

  /**
   * @throws IllegalArgumentException with the accepted forms when the text is not a rule
   */
  public static Threshold parse(String text) {
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "threshold '"
              + text
              + "' is not understood; use e.g. 'p95<500ms', 'avg<=2s', 'errors<1%', 'throttled<5%' or 'rps>100'");
    }
    String metric = m.group(1);
    double v = Double.parseDouble(m.group(3));
    String unit = m.group(4);
    boolean percent = metric.equals("errors") || metric.equals("throttled");
    boolean time = !percent && !metric.equals("rps");
    if (time && unit == null) {
      throw new IllegalArgumentException("threshold '" + text + "' needs a unit: ms or s");
    }
    if ("s".equals(unit)) {
      v *= 1000;
    }
    if (percent && !"%".equals(unit)) {
      throw new IllegalArgumentException(
          "threshold '" + text + "': " + metric + " are given in percent, e.g. " + metric + "<1%");
    }
    return new Threshold(text.trim(), metric, m.group(2), v);
  }

  /** The measured value this rule looks at. */
  public double measure(LoadReport r) {
    return switch (metric) {
      case "avg" -> r.latency().avgMs();
      case "min" -> r.latency().minMs();
      case "max" -> r.latency().maxMs();
      case "errors" -> r.errorRate();
      case "throttled" -> r.throttledRate();
      case "rps" -> r.throughput();
      default -> r.percentileMs(Double.parseDouble(metric.substring(1)));
    };
  }

  public boolean passes(LoadReport r) {
    double x = measure(r);
    return switch (op) {
      case "<" -> x < value;
      case "<=" -> x <= value;
      case ">" -> x > value;
      default -> x >= value;
    };
  }
}
