package dev.omnivibe.app.gui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and durations read in the window. */
public final class Formats {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private Formats() {}

  /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}; a dash when unknown. */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
      return "—";
    }
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
  }

  public static String time(Instant at) {
    return at == null ? "" : CLOCK.format(at);
  }

  /** {@code 98.5 %}; a dash when there is nothing to rate. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "—" : String.format("%.1f %%", fraction * 100);
  }
}
