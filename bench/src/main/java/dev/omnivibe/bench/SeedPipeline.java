package dev.omnivibe.bench;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed system's pipelines (reference section 2.2), reproduced as baselines: one libx264 encode
 * per slide, a concat, then a mux of the narration as AAC. "After" encodes each slide with {@code
 * -preset ultrafast -crf 23 -tune stillimage -threads 0}; "before" with {@code -preset medium -crf
 * 23}.
 *
 * <p>The per-slide command is the seed's exactly. It names no pixel format, so libx264 keeps the
 * PNG's full chroma (yuv444p, which browsers cannot play): that is the seed's real cost.
 */
final class SeedPipeline {
  /** Which of the seed's per-slide commands to run. */
  enum Variant {
    BEFORE(List.of("-c:v", "libx264", "-preset", "medium", "-crf", "23")),
    AFTER(
        List.of(
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-crf",
            "23",
            "-tune",
            "stillimage",
            "-threads",
            "0"));

    final List<String> encode;

    Variant(List<String> encode) {
      this.encode = encode;
    }
  }

  private final FfmpegTools tools;
  private final Variant variant;

  SeedPipeline(FfmpegTools tools) {
    this(tools, Variant.AFTER);
  }

  SeedPipeline(FfmpegTools tools, Variant variant) {
    this.tools = tools;
    this.variant = variant;
  }

  void render(List<Path> images, List<Path> narrations, double slideSeconds, Path work, Path out)
      throws IOException {
    Files.createDirectories(work);
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < images.size(); i++) {
      Path clip = work.resolve("slide-" + i + ".mp4");
      List<String> slide = new ArrayList<>(List.of("-loop", "1", "-i", images.get(i).toString()));
      slide.addAll(variant.encode);
      slide.addAll(List.of("-t", fmt(slideSeconds), clip.toString()));
      run(slide);
      list.append("file '").append(clip).append("'\n");
    }
    Path listFile = work.resolve("list.txt");
    Files.writeString(listFile, list.toString());
    Path video = work.resolve("video.mp4");
    run(
        List.of(
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            listFile.toString(),
            "-c",
            "copy",
            video.toString()));
    List<String> mux = new ArrayList<>(List.of("-i", video.toString()));
    StringBuilder graph = new StringBuilder();
    for (int i = 0; i < narrations.size(); i++) {
      mux.addAll(List.of("-i", narrations.get(i).toString()));
      graph
          .append('[')
          .append(i + 1)
          .append(":a]apad,atrim=0:")
          .append(fmt(slideSeconds))
          .append("[n")
          .append(i)
          .append("];");
    }
    for (int i = 0; i < narrations.size(); i++) {
      graph.append("[n").append(i).append(']');
    }
    graph.append("concat=n=").append(narrations.size()).append(":v=0:a=1[a]");
    mux.addAll(
        List.of(
            "-filter_complex",
            graph.toString(),
            "-map",
            "0:v",
            "-map",
            "[a]",
            "-c:v",
            "copy",
            "-c:a",
            "aac",
            out.toString()));
    run(mux);
  }

  private void run(List<String> args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
    cmd.addAll(args);
    ProcessResult r = ProcessResult.run(cmd, tools.environment(), Duration.ofMinutes(30));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("baseline step failed: " + r.lastLine());
    }
  }

  private static String fmt(double s) {
    return java.math.BigDecimal.valueOf(s).toPlainString();
  }
}
