package dev.omnivibe.engine.ffmpeg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * The FFmpeg shipped inside {@code org.bytedeco:ffmpeg} (GPL build, with libx264): its folder of
 * executables and libraries is unpacked into JavaCPP's cache folder ({@code
 * -Dorg.bytedeco.javacpp.cachedir} moves it to the per-user cache) and run as a program.
 *
 * <p>Nothing is loaded into this JVM. {@code Loader.load} would also load the JNI wrappers, which
 * fail when a system library of {@code libavdevice} (PulseAudio, ALSA, XCB) is missing, and that
 * error would hide which library it was; run as a program, the binary names it itself.
 */
final class BundledFfmpeg {
  private BundledFfmpeg() {}

  static UnpackedFfmpeg extract() {
    String folder;
    try {
      folder = "/org/bytedeco/ffmpeg/" + Loader.getPlatform() + "-gpl/";
    } catch (LinkageError e) {
      return UnpackedFfmpeg.failed("JavaCPP is not on the classpath (" + e + ")");
    }
    if (BundledFfmpeg.class.getResource(folder + exe("ffmpeg")) == null) {
      return UnpackedFfmpeg.failed(
          "no bundled build for "
              + Loader.getPlatform()
              + " on the classpath (org.bytedeco:ffmpeg with classifier "
              + Loader.getPlatform()
              + "-gpl)");
    }
    try {
      File[] dirs = Loader.cacheResources(BundledFfmpeg.class, folder);
      if (dirs == null || dirs.length == 0) {
        return UnpackedFfmpeg.failed("JavaCPP unpacked nothing from " + folder);
      }
      Path dir = dirs[0].toPath();
      Path ffmpeg = dir.resolve(exe("ffmpeg"));
      Path ffprobe = dir.resolve(exe("ffprobe"));
      for (Path p : new Path[] {ffmpeg, ffprobe}) {
        if (!Files.isExecutable(p) && !p.toFile().setExecutable(true)) {
          return UnpackedFfmpeg.failed("cannot make " + p + " executable");
        }
      }
      return new UnpackedFfmpeg(ffmpeg, ffprobe, null);
    } catch (IOException | RuntimeException e) {
      return UnpackedFfmpeg.failed(
          "cannot unpack it into "
              + Optional.ofNullable(System.getProperty("org.bytedeco.javacpp.cachedir"))
                  .orElse("~/.javacpp/cache")
              + ": "
              + e.getMessage());
    }
  }

  private static String exe(String name) {
    return FfmpegLocator.executableName(name);
  }
}
