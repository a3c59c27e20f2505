package dev.omnivibe.engine.ffmpeg;

import java.util.function.Consumer;

/**
 * Parses FFmpeg's {@code -progress pipe:1} key=value lines into snapshots. A block ends with a
 * {@code progress=continue} or {@code progress=end} line; values FFmpeg prints as {@code N/A} are
 * kept from the previous block.
 */
public final class ProgressParser {
  private final Consumer<ProgressSnapshot> sink;
  private long frame;
  private long outTimeMicros;
  private double speed = Double.NaN;

  public ProgressParser(Consumer<ProgressSnapshot> sink) {
    this.sink = sink;
  }

  public void accept(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String key = line.substring(0, eq).trim();
    String value = line.substring(eq + 1).trim();
    switch (key) {
      case "frame" -> frame = parseLong(value, frame);
      case "out_time_us", "out_time_ms" ->
          outTimeMicros = Math.max(0, parseLong(value, outTimeMicros));
      case "speed" -> speed = parseSpeed(value, speed);
      case "progress" ->
          sink.accept(new ProgressSnapshot(frame, outTimeMicros, speed, "end".equals(value)));
      default -> {
        // other keys (bitrate, total_size, dup_frames, ...) are not needed
      }
    }
  }

  private static long parseLong(String value, long fallback) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double parseSpeed(String value, double fallback) {
    String v = value.endsWith("x") ? value.substring(0, value.length() - 1).trim() : value;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
