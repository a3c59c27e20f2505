package dev.omnivibe.engine.deck;

import java.util.Map;

/** Parses the frame rates a deck may ask for, mapping NTSC decimals to exact fractions. */
final class FrameRates {
  static final int MAX = 120;
  private static final Map<String, FrameRate> NTSC =
      Map.of(
          "23.976", new FrameRate(24000, 1001),
          "29.97", new FrameRate(30000, 1001),
          "59.94", new FrameRate(60000, 1001));

  private FrameRates() {}

  /** Returns the rate, or null when the text is not a supported rate. */
  static FrameRate parse(String text) {
    String t = text.trim();
    if (NTSC.containsKey(t)) {
      return NTSC.get(t);
    }
    try {
      if (t.contains("/")) {
        String[] parts = t.split("/", 2);
        int num = Integer.parseInt(parts[0].trim());
        int den = Integer.parseInt(parts[1].trim());
        return valid(num, den) ? new FrameRate(num, den) : null;
      }
      double value = Double.parseDouble(t);
      int whole = (int) value;
      return value == whole && valid(whole, 1) ? new FrameRate(whole, 1) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean valid(int num, int den) {
    return num > 0 && den > 0 && (double) num / den >= 1 && (double) num / den <= MAX;
  }
}
