package dev.omnivibe.app.gui.performance;

import dev.omnivibe.engine.monitor.OperationStats;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.monitor.TimePoint;
import java.util.Locale;

/**
 * A report as one CSV table for spreadsheets: a {@code total} row, one {@code operation} row per
 * operation, then one {@code series} row per time step. Times in milliseconds; empty cells where
 * nothing was measured.
 */
public final class ReportCsv {
  static final String HEADER =
      "row,name,start,count,failures,success_rate,avg_ms,min_ms,max_ms,p50_ms,p95_ms,p99_ms";

  private ReportCsv() {}

  public static String of(PerformanceReport r) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    line(out, "total", r.category() == null ? "all" : r.category(), "", r.total());
    r.operations().forEach((name, s) -> line(out, "operation", name, "", s));
    for (TimePoint p : r.series()) {
      line(out, "series", "", p.start().toString(), p.stats());
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, String row, String name, String start, OperationStats s) {
    out.append(row).append(',').append(quote(name)).append(',').append(start).append(',');
    out.append(s.count()).append(',').append(s.failures());
    for (double v :
        new double[] {
          s.successRate(), s.avgMs(), s.minMs(), s.maxMs(), s.p50Ms(), s.p95Ms(), s.p99Ms()
        }) {
      out.append(',');
      if (!Double.isNaN(v)) {
        out.append(String.format(Locale.ROOT, "%.3f", v));
      }
    }
    out.append('\n');
  }

  /** RFC 4180 quoting, and a leading quote so a spreadsheet never runs a name as a formula. */
  static String quote(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
