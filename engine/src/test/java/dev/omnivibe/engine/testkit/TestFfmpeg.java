package dev.omnivibe.engine.testkit;

import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.ffmpeg.FfmpegSource;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.ProcessResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real FFmpeg for tests (located once per JVM) and the fake one for failure paths. */
public final class TestFfmpeg {
  private static FfmpegTools real;

  private TestFfmpeg() {}

  public static synchronized FfmpegTools real() {
    if (real == null) {
      real = new FfmpegLocator().locate(null, null);
    }
    return real;
  }

  /**
   * Runs the real ffmpeg with {@code args} (quiet, overwriting) and returns what it printed.
   *
   * @throws AssertionError with its output when it fails
   */
  public static String run(String... args) throws IOException, InterruptedException {
    FfmpegTools tools = real();
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostats", "-y"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(tools.environment());
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("ffmpeg " + String.join(" ", args) + " failed:\n" + out);
    }
    return out;
  }

  /** Copies the fake ffmpeg script into {@code dir} as {@code ffmpeg} and {@code ffprobe}. */
  public static Path installFake(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : List.of("ffmpeg", "ffprobe")) {
      Path exe = dir.resolve(name);
      try (InputStream in = TestFfmpeg.class.getResourceAsStream("/fixtures/fake-ffmpeg")) {
        Files.copy(in, exe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir.resolve("ffmpeg");
  }

  public static FfmpegTools fake(Path dir, Map<String, String> behaviour) throws IOException {
    Path ffmpeg = installFake(dir);
    return new FfmpegTools(
        ffmpeg, dir.resolve("ffprobe"), FfmpegSource.OPTION, "fake-7.1", behaviour);
  }

  /** Runs the real ffmpeg with the given arguments and returns stdout; fails on error. */
  public static byte[] ffmpegOutput(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(real().ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(real().environment());
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg " + String.join(" ", args) + " failed");
    }
    return out;
  }

  public static ProcessResult run(List<String> args) {
    List<String> cmd =
        new ArrayList<>(List.of(real().ffmpeg().toString(), "-hide_banner", "-nostdin"));
    cmd.addAll(args);
    return ProcessResult.run(cmd, real().environment(), Duration.ofMinutes(2));
  }
}
