package dev.omnivibe.engine.ffmpeg;

import dev.omnivibe.engine.ffmpeg.FfmpegTools.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why renders use the FFmpeg they use: one verdict per candidate, the chosen one last. It is told
 * with paths to the user at the machine and without them to remote callers ({@code /health}).
 */
public record FfmpegChoice(List<Verdict> verdicts) {

  public FfmpegChoice {
    verdicts = List.copyOf(verdicts);
  }

  public static FfmpegChoice none() {
    return new FfmpegChoice(List.of());
  }

  /** What became of one candidate. */
  public enum Outcome {
    /** Renders use it. */
    USED,
    /** It can render too; hardware encoders the used build cannot drive are tried with it. */
    ALSO_USABLE,
    /** It lacks something renders need. */
    LACKS,
    /** It does not start (a missing library, a broken binary). */
    DOES_NOT_RUN,
    /** There is none (nothing on PATH, no bundled build for this platform). */
    ABSENT
  }

  /**
   * @param version null when the build never answered
   * @param ffmpeg null when there is no binary
   * @param detail what it lacks, why it does not run, or the older option forms it needs
   */
  public record Verdict(
      Source source, String version, Path ffmpeg, Outcome outcome, String detail) {

    String text(boolean paths) {
      String who = source.describe(version, paths ? ffmpeg : null);
      String extra = detail == null ? "" : detail;
      if (!paths && ffmpeg != null) {
        // The loader names the binary in its own message.
        extra = extra.replace(ffmpeg.toString(), ffmpeg.getFileName().toString());
      }
      return switch (outcome) {
        case USED ->
            "using " + who + (extra.isEmpty() ? "" : ", with older option forms (" + extra + ")");
        case ALSO_USABLE ->
            extra.isEmpty()
                ? who + " can render too"
                : who + " can render only with older option forms (" + extra + ")";
        case LACKS -> who + " cannot render: it lacks " + extra;
        case DOES_NOT_RUN -> who + " does not run: " + extra;
        case ABSENT -> source.label() + ": " + extra;
      };
    }
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
