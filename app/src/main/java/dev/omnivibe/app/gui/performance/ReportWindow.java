package dev.omnivibe.app.gui.performance;

import java.time.Duration;

/** The report windows the performance view offers. */
public enum ReportWindow {
  HOUR("Last hour", Duration.ofHours(1), "HH:mm"),
  DAY("Last 24 hours", Duration.ofHours(24), "HH:mm"),
  WEEK("Last 7 days", Duration.ofDays(7), "EEE HH:mm");

  private final String label;
  private final Duration length;
  private final String timePattern;

  ReportWindow(String label, Duration length, String timePattern) {
    this.label = label;
    this.length = length;
    this.timePattern = timePattern;
  }

  public Duration length() {
    return length;
  }

  String timePattern() {
    return timePattern;
  }

  @Override
  public String toString() {
    return label;
  }
}
