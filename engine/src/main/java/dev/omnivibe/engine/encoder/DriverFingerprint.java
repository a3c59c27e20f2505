package dev.omnivibe.engine.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short hash of what decides which hardware encoders work: the GPU devices present and their
 * driver versions. A driver update or a new card changes it, which invalidates the cached probe.
 */
public final class DriverFingerprint {
  private static final List<String> LINUX_SOURCES =
      List.of(
          "/proc/driver/nvidia/version",
          "/sys/module/nvidia/version",
          "/sys/module/i915/version",
          "/sys/module/xe/version",
          "/sys/module/amdgpu/version");

  private DriverFingerprint() {}

  public static String of(String ffmpegVersion) {
    StringBuilder facts = new StringBuilder();
    facts.append("ffmpeg=").append(ffmpegVersion).append('\n');
    facts
        .append("os=")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append('\n');
    for (String source : LINUX_SOURCES) {
      read(Path.of(source)).ifPresent(v -> facts.append(source).append('=').append(v).append('\n'));
    }
    facts.append(listDevices(Path.of("/dev/dri")));
    facts.append(listDevices(Path.of("/sys/class/drm")));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(facts.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.Optional<String> read(Path p) {
    try {
      return java.util.Optional.of(Files.readString(p).trim());
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static String listDevices(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (Stream<Path> s = Files.list(dir)) {
      StringBuilder b = new StringBuilder();
      s.sorted()
          .forEach(
              p -> {
                b.append(p).append('\n');
                read(p.resolve("device/vendor")).ifPresent(v -> b.append(" vendor=").append(v));
                read(p.resolve("device/device"))
                    .ifPresent(v -> b.append(" device=").append(v).append('\n'));
              });
      return b.toString();
    } catch (IOException e) {
      return "";
    }
  }
}
