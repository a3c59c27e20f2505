package dev.omnivibe.engine.render;

import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.util.Locale;

/** Picks the encoder profile for a render from the user's choice and the probe result. */
public final class EncoderSelector {
  public static final String AUTO = "auto";

  private EncoderSelector() {}

  /**
   * @param choice {@code auto} or an encoder name such as {@code libx264}
   * @throws IllegalArgumentException naming the choice and why it cannot be used
   */
  public static EncoderProfile select(String choice, EncoderReport report) {
    return select(choice, report, null);
  }

  /**
   * As {@link #select(String, EncoderReport)}; an encoder that only another FFmpeg build could
   * drive gets that build from {@code tools}' alternates.
   *
   * @param tools the render's own FFmpeg, or null to take every encoder as driven by it
   */
  public static EncoderProfile select(String choice, EncoderReport report, FfmpegTools tools) {
    String name = choice == null ? AUTO : choice.trim().toLowerCase(Locale.ROOT);
    if (AUTO.equals(name)) {
      return report
          .best(Codec.H264)
          .filter(s -> EncoderProfile.supported(s.name()))
          .map(s -> EncoderProfile.of(s.name(), driver(s, tools)))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no usable H.264 encoder found; run `omnivibe encoders --refresh` to see why"));
    }
    if (!EncoderProfile.supported(name)) {
      throw new IllegalArgumentException(
          "unknown encoder '"
              + choice
              + "' (renders use auto, libx264, libopenh264, h264_nvenc, h264_qsv,"
              + " h264_vaapi, h264_videotoolbox, h264_amf or h264_mf)");
    }
    EncoderStatus status =
        report
            .find(name)
            .orElseThrow(() -> new IllegalArgumentException("encoder " + name + " was not probed"));
    if (!status.usable()) {
      throw new IllegalArgumentException(
          "encoder "
              + name
              + " is not usable here: "
              + status.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " ("
              + status.detail()
              + ")");
    }
    return EncoderProfile.of(name, driver(status, tools));
  }

  /** The alternate build that passed the status's trial; null when it was the render's own. */
  private static FfmpegTools driver(EncoderStatus status, FfmpegTools tools) {
    if (tools == null || status.drivenBy() == null) {
      return null;
    }
    return tools.alternates().stream()
        .filter(a -> a.ffmpeg().toString().equals(status.drivenBy()))
        .findFirst()
        .orElse(null);
  }
}
