package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;

/**
 * @param version null when the build never answered
 * @param ffmpeg null when there is no binary
 * @param detail what it lacks, why it does not run, or the older option forms it needs
 */
public record FfmpegVerdict(
    FfmpegSource source, String version, Path ffmpeg, VerdictOutcome outcome, String detail) {

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
