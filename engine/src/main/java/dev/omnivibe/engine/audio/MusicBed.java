package dev.omnivibe.engine.audio;

import dev.omnivibe.engine.ffmpeg.FfmpegFailedException;
import dev.omnivibe.engine.ffmpeg.FfmpegProcess;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a background music track under a finished video: looped to the video's length, faded in and
 * out, and (when ducking) pushed down by a sidechain compressor whenever the narration speaks. The
 * video stream is copied, not encoded again.
 */
public final class MusicBed {
  static final double FADE_IN = 1.0;
  static final double FADE_OUT = 2.0;

  private MusicBed() {}

  /**
   * Writes {@code out}: {@code video} with {@code music} mixed in at {@code volume} (0-1).
   *
   * @param seconds the video's length
   */
  public static void mix(
      FfmpegTools tools,
      Path video,
      Path music,
      double volume,
      boolean duck,
      double seconds,
      Path out)
      throws IOException, InterruptedException {
    // Short videos get shorter fades: a quarter of the video at most.
    double fadeIn = Math.min(FADE_IN, seconds / 4);
    double fadeOut = Math.min(FADE_OUT, seconds / 4);
    String bed =
        String.format(
            Locale.ROOT,
            "[1:a]aresample=48000,aformat=channel_layouts=stereo,volume=%.3f,atrim=0:%.3f,"
                + "afade=t=in:d=%.2f,afade=t=out:st=%.3f:d=%.2f[m];"
                + "[0:a]aresample=48000,aformat=channel_layouts=stereo,asplit=2[n][sc];",
            volume,
            seconds,
            fadeIn,
            seconds - fadeOut,
            fadeOut);
    String mix =
        duck
            // Any speech pulls the music down (about 17 dB under a normal voice): fast in, slow
            // out.
            ? "[m][sc]sidechaincompress=threshold=0.003:ratio=20:attack=5:release=350[d];"
                + "[n][d]amix=inputs=2:duration=first:normalize=0[a]"
            : "[sc]anullsink;[n][m]amix=inputs=2:duration=first:normalize=0[a]";
    // Two runs: the mix alone, then the mix beside the copied video. In one run that also copies
    // the video, FFmpeg (seen with 8.0) ends the compressor's output early at random, and the
    // music falls silent for the rest of the video.
    Path mixed = out.resolveSibling(out.getFileName() + ".mix.m4a");
    try {
      run(
          tools,
          List.of(
              "-i",
              video.toString(),
              "-stream_loop",
              "-1",
              "-i",
              music.toString(),
              "-filter_complex",
              bed + mix,
              "-map",
              "[a]",
              "-c:a",
              "aac",
              "-b:a",
              "192k",
              "-t",
              String.format(Locale.ROOT, "%.3f", seconds),
              "-f",
              "mp4",
              "-y",
              mixed.toString()));
      run(
          tools,
          List.of(
              "-i",
              video.toString(),
              "-i",
              mixed.toString(),
              "-map",
              "0:v",
              "-map",
              "1:a",
              "-c",
              "copy",
              "-movflags",
              "+faststart",
              "-f",
              "mp4",
              "-y",
              out.toString()));
    } finally {
      Files.deleteIfExists(mixed);
    }
  }

  private static void run(FfmpegTools tools, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error"));
    cmd.addAll(args);
    FfmpegProcess p = FfmpegProcess.start("music", cmd, tools.environment(), s -> {});
    try {
      p.await();
    } catch (FfmpegFailedException e) {
      throw new IOException("cannot mix the music in: " + e.getMessage(), e);
    }
  }
}
