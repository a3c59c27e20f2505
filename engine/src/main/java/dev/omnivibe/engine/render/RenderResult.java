package dev.omnivibe.engine.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished render.
 *
 * @param encoder the encoder that actually produced the video
 * @param fallbackReason why the requested hardware encoder was abandoned, or null
 * @param stepTimes wall time per step, for the performance monitor
 * @param ffmpeg the FFmpeg build that encoded the video, in words ({@code FfmpegTools.name()})
 * @param timeline when each step ran, from the render's start
 */
public record RenderResult(
    Path output,
    String encoder,
    String fallbackReason,
    long frames,
    double videoSeconds,
    long bytes,
    Duration wallTime,
    Map<String, Duration> stepTimes,
    String ffmpeg,
    List<StepSpan> timeline) {

  public RenderResult {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  /** Seconds of video produced per second of wall time. */
  public double speed() {
    double wall = wallTime.toNanos() / 1e9;
    return wall <= 0 ? 0 : videoSeconds / wall;
  }
}
