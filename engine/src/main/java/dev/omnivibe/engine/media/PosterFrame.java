package dev.omnivibe.engine.media;

import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One frame of a finished video as a PNG, for showing a render where it cannot be played (the
 * desktop preview without an audio device or H.264 decoder).
 */
public final class PosterFrame {
  private PosterFrame() {}

  /**
   * Writes the frame at {@code seconds}, or the first frame when the video is shorter, scaled to
   * {@code width} pixels wide.
   *
   * @throws IOException naming FFmpeg's last error line when no frame could be written
   */
  public static Path grab(FfmpegTools tools, Path video, double seconds, int width, Path png)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    String failure = attempt(tools, video, seconds, width, png);
    if (failure != null && seconds > 0) {
      // Seeking past the end writes no frame at all.
      failure = attempt(tools, video, 0, width, png);
    }
    if (failure != null) {
      throw new IOException("cannot take a frame of " + video.getFileName() + ": " + failure);
    }
    return png;
  }

  private static String attempt(FfmpegTools tools, Path video, double at, int width, Path png)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    List<String> cmd =
        List.of(
            tools.ffmpeg().toString(),
            "-nostdin",
            "-v",
            "error",
            "-ss",
            String.format(Locale.ROOT, "%.3f", at),
            "-i",
            video.toString(),
            "-frames:v",
            "1",
            "-vf",
            "scale=" + width + ":-2",
            "-y",
            png.toString());
    FfmpegProcess p = FfmpegProcess.start("poster", cmd, tools.environment(), s -> {});
    try {
      p.await();
    } catch (FfmpegFailedException e) {
      Files.deleteIfExists(png);
      return e.getMessage();
    }
    return Files.isRegularFile(png) && Files.size(png) > 0 ? null : "FFmpeg wrote no frame";
  }
}
