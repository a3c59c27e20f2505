package dev.omnivibe.engine.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings speech to a target loudness with FFmpeg's {@code loudnorm} in two passes (measure, then
 * correct linearly with the measured values, as EBU R128 tools do), and adds short fades at both
 * ends so a cut between slides never clicks.
 */
public final class Loudness {
  /** Podcast and web video norm. */
  public static final double DEFAULT_LUFS = -16;

  static final double TRUE_PEAK = -1.5;
  static final double RANGE = 11;
  static final double FADE_IN = 0.01;
  static final double FADE_OUT = 0.03;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Loudness() {}

  /**
   * Writes {@code out} (48 kHz mono 16-bit WAV) at {@code targetLufs} (NaN keeps the level), faded
   * in and out.
   *
   * @param seconds the input's length, for placing the fade-out
   * @return what the first pass measured, or null when the level was kept
   */
  public static LoudnessMeasurement normalize(
      FfmpegTools tools, Path in, double seconds, double targetLufs, Path out)
      throws IOException, InterruptedException {
    LoudnessMeasurement m = Double.isNaN(targetLufs) ? null : measure(tools, in, targetLufs);
    double gain = m == null ? 0 : targetLufs - m.integrated();
    String level;
    if (m == null) {
      level = "anull"; // keep the level; only resample and fade
    } else if (m.truePeak() + gain <= TRUE_PEAK) {
      // The whole correction fits under the peak ceiling: loudnorm's exact linear mode.
      level =
          String.format(
              Locale.ROOT,
              "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:"
                  + "measured_thresh=%.2f:offset=%.2f:linear=true",
              targetLufs,
              TRUE_PEAK,
              Math.max(RANGE, m.range() + 1),
              m.integrated(),
              m.truePeak(),
              m.range(),
              m.threshold(),
              m.offset());
    } else {
      // loudnorm would fall back to its dynamic mode, which misses the target on short speech:
      // apply the measured gain and let a limiter hold the few peaks above the ceiling.
      level =
          String.format(
              Locale.ROOT,
              "volume=%.2fdB,alimiter=limit=%.4f:level=false:latency=true",
              gain,
              Math.pow(10, TRUE_PEAK / 20));
    }
    double fadeStart = Math.max(0, seconds - FADE_OUT);
    String filter =
        String.format(
            Locale.ROOT,
            "%s,aresample=48000,afade=t=in:d=%.3f,afade=t=out:st=%.3f:d=%.3f",
            level,
            FADE_IN,
            fadeStart,
            FADE_OUT);
    run(
        tools,
        List.of(
            "-i",
            in.toString(),
            "-af",
            filter,
            "-ac",
            "1",
            "-c:a",
            "pcm_s16le",
            "-y",
            out.toString()));
    return m;
  }

  /** The first pass: integrated loudness, true peak, range and threshold of {@code in}. */
  public static LoudnessMeasurement measure(FfmpegTools tools, Path in, double targetLufs)
      throws IOException, InterruptedException {
    String filter =
        String.format(
            Locale.ROOT,
            "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json",
            targetLufs,
            TRUE_PEAK,
            RANGE);
    List<String> lines = run(tools, List.of("-i", in.toString(), "-af", filter, "-f", "null", "-"));
    int start = -1;
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).trim().equals("{")) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new IOException("loudnorm printed no measurement for " + in.getFileName());
    }
    JsonNode j = JSON.readTree(String.join("\n", lines.subList(start, lines.size())));
    return new LoudnessMeasurement(
        num(j, "input_i"),
        num(j, "input_tp"),
        num(j, "input_lra"),
        num(j, "input_thresh"),
        num(j, "target_offset"));
  }

  private static double num(JsonNode j, String field) throws IOException {
    String v = j.path(field).asText("");
    try {
      double d = Double.parseDouble(v);
      // Silence measures as -inf; loudnorm takes its own floor for that.
      return Double.isInfinite(d) ? -99 : d;
    } catch (NumberFormatException e) {
      throw new IOException(
          "loudnorm measured no " + field + " (got '" + v + "'): is the input silent or empty?");
    }
  }

  private static List<String> run(FfmpegTools tools, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(tools.ffmpeg().toString());
    cmd.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-v", "info"));
    cmd.addAll(args);
    FfmpegProcess p = FfmpegProcess.start("loudnorm", cmd, tools.environment(), s -> {});
    try {
      p.await();
    } catch (FfmpegFailedException e) {
      throw new IOException(e.getMessage(), e);
    }
    return p.stderrTail();
  }
}
