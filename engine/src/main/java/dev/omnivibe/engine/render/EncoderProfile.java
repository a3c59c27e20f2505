package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.util.ArrayList;
import java.util.List;

/**
 * How to drive one H.264 encoder: its FFmpeg options per quality level.
 *
 * <p>Every segment of a render goes through the same profile with the same options, so all segments
 * share one SPS/PPS and can be joined without re-encoding. Hardware profiles ask for CAVLC so
 * repeated stills can be written as skip frames; if an encoder ignores that, the renderer notices
 * from the stream and encodes the repeats instead.
 */
public record EncoderProfile(String encoder, boolean hardware, FfmpegTools driver) {

  /** The encoder driven by the render's own FFmpeg build. */
  public static EncoderProfile of(String encoder) {
    return of(encoder, null);
  }

  /**
   * @param driver the FFmpeg build that passed this encoder's trial, when it is not the render's
   *     own (a hardware encoder whose API the main build's driver does not reach); null for the
   *     render's own
   */
  public static EncoderProfile of(String encoder, FfmpegTools driver) {
    return new EncoderProfile(encoder, !encoder.startsWith("lib"), driver);
  }

  /** The build that runs the video steps: the driver, or {@code own} when there is none. */
  public FfmpegTools videoTools(FfmpegTools own) {
    return driver != null ? driver : own;
  }

  public static EncoderProfile software() {
    return of("libx264");
  }

  /** Options placed before the inputs (device selection). */
  public List<String> deviceArgs(String vaapiDevice) {
    return encoder.endsWith("_vaapi") ? List.of("-vaapi_device", vaapiDevice) : List.of();
  }

  /** Filter appended to every video chain before encoding. */
  public String uploadFilter() {
    return encoder.endsWith("_vaapi") ? ",format=nv12,hwupload" : "";
  }

  /** Encoder options for one output segment. */
  /**
   * True for encoders whose pictures the renderer can re-head into a stream where the decoder draws
   * fades itself (see {@code BlendedStream}); today libx264 in CAVLC mode.
   */
  public boolean blendsFades() {
    return "libx264".equals(encoder);
  }

  /**
   * Encoder options for one output segment.
   *
   * @param reorderable ask for a stream that allows B pictures (order count type 0, two references,
   *     implicit weighted bi-prediction); every segment of a render must agree
   */
  public List<String> encodeArgs(
      Quality quality, FrameRate rate, int gopFrames, boolean reorderable) {
    int q =
        switch (quality) {
          case DRAFT -> 0;
          case STANDARD -> 1;
          case HIGH -> 2;
        };
    List<String> a = new ArrayList<>(List.of("-c:v", encoder));
    switch (encoder) {
      case "libx264" ->
          a.addAll(
              List.of(
                  "-preset",
                  "ultrafast",
                  "-tune",
                  "stillimage",
                  "-crf",
                  pick(q, "28", "23", "18"),
                  "-threads",
                  "0"));
      case "libopenh264" ->
          a.addAll(
              List.of(
                  "-rc_mode",
                  "quality",
                  "-b:v",
                  pick(q, "2M", "5M", "10M"),
                  "-allow_skip_frames",
                  "0"));
      case "h264_nvenc" ->
          a.addAll(
              List.of(
                  "-preset",
                  "p4",
                  "-rc",
                  "vbr",
                  "-cq",
                  pick(q, "30", "24", "19"),
                  "-b:v",
                  "0",
                  "-coder",
                  "cavlc"));
      case "h264_qsv" ->
          a.addAll(
              List.of(
                  "-preset",
                  "veryfast",
                  "-global_quality",
                  pick(q, "30", "24", "19"),
                  "-cavlc",
                  "1"));
      case "h264_vaapi" ->
          a.addAll(List.of("-rc_mode", "CQP", "-qp", pick(q, "30", "24", "19"), "-coder", "cavlc"));
      case "h264_videotoolbox" ->
          a.addAll(List.of("-q:v", pick(q, "45", "60", "75"), "-coder", "cavlc", "-allow_sw", "0"));
      case "h264_amf" ->
          a.addAll(
              List.of(
                  "-quality",
                  "balanced",
                  "-rc",
                  "cqp",
                  "-qp_i",
                  pick(q, "30", "24", "19"),
                  "-qp_p",
                  pick(q, "30", "24", "19"),
                  "-coder",
                  "cavlc"));
      case "h264_mf" ->
          a.addAll(
              List.of(
                  "-rate_control",
                  "quality",
                  "-quality",
                  pick(q, "40", "60", "80"),
                  "-hw_encoding",
                  "1"));
      default -> throw new IllegalArgumentException("no render profile for encoder " + encoder);
    }
    a.addAll(
        List.of(
            "-bf",
            reorderable ? "1" : "0",
            "-g",
            Integer.toString(gopFrames),
            "-r",
            rate.ffmpeg()));
    if (reorderable) {
      a.addAll(List.of("-x264-params", "weightb=1:cabac=0"));
    }
    if (!encoder.endsWith("_vaapi")) {
      a.addAll(List.of("-pix_fmt", "yuv420p"));
    }
    a.addAll(List.of("-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"));
    return a;
  }

  /**
   * Options that make every frame of a segment a keyframe without touching the SPS (a different
   * {@code -g} would change it, and all segments must share one). Empty where the encoder has no
   * such switch.
   */
  public List<String> everyFrameKeyframeArgs() {
    return switch (encoder) {
      case "libx264", "h264_nvenc" -> List.of("-force_key_frames", "expr:1", "-forced-idr", "1");
      default -> List.of();
    };
  }

  public static boolean supported(String encoder) {
    return List.of(
            "libx264",
            "libopenh264",
            "h264_nvenc",
            "h264_qsv",
            "h264_vaapi",
            "h264_videotoolbox",
            "h264_amf",
            "h264_mf")
        .contains(encoder);
  }

  private static String pick(int q, String draft, String standard, String high) {
    return q == 0 ? draft : q == 1 ? standard : high;
  }
}
