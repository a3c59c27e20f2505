package dev.omnivibe.engine.monitor;

/** Where one operation's timings go now. */
final class MetricSeries {
  final Totals totals;
  volatile MinuteBucket current;

  MetricSeries(Totals totals) {
    this.totals = totals;
  }
}
