package dev.omnivibe.engine.ffmpeg;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why renders use the FFmpeg they use: one verdict per candidate, the chosen one last. It is told
 * with paths to the user at the machine and without them to remote callers ({@code /health}).
 */
public record FfmpegChoice(List<FfmpegVerdict> verdicts) {

  public FfmpegChoice {
    verdicts = List.copyOf(verdicts);
  }

  public static FfmpegChoice none() {
    return new FfmpegChoice(List.of());
  }

  /** The whole story, e.g. "system ffmpeg 5.1 at /usr/bin/ffmpeg can render only with ...". */
  public String text() {
    return text(true);
  }

  /** The story without local paths, for callers that may not see them. */
  public String publicText() {
    return text(false);
  }

  private String text(boolean paths) {
    return verdicts.stream().map(v -> v.text(paths)).collect(Collectors.joining("; "));
  }
}
