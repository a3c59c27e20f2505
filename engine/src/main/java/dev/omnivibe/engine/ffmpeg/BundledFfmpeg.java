package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * The FFmpeg shipped inside {@code org.bytedeco:ffmpeg} (GPL build, with libx264): JavaCPP extracts
 * it with its libraries into its cache folder, which {@code -Dorg.bytedeco.javacpp.cachedir} moves
 * to the per-user cache.
 */
final class BundledFfmpeg {
  private BundledFfmpeg() {}

  static Optional<Path[]> extract() {
    try {
      String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
      String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
      return Optional.of(new Path[] {Path.of(ffmpeg), Path.of(ffprobe)});
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | RuntimeException e) {
      return Optional.empty();
    }
  }
}
