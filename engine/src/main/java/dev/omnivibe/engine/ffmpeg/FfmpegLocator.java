package dev.omnivibe.engine.ffmpeg;

import dev.omnivibe.engine.ffmpeg.FfmpegTools.Source;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds FFmpeg: the command-line option, then the configured path, then {@code OMNIVIBE_FFMPEG},
 * then {@code PATH}, then the binary bundled with {@code org.bytedeco:ffmpeg}. ffprobe is taken
 * from the same place (the sibling file, or {@code OMNIVIBE_FFPROBE}).
 *
 * <p>A candidate counts only once it has answered {@code -version}: a binary that exists but cannot
 * start (a missing shared library, say) is reported with its own error rather than skipped
 * silently.
 */
public final class FfmpegLocator {
  private final Map<String, String> env;
  private final Supplier<Optional<Path[]>> bundled;

  public FfmpegLocator() {
    this(System.getenv(), BundledFfmpeg::extract);
  }

  public FfmpegLocator(Map<String, String> env, Supplier<Optional<Path[]>> bundled) {
    this.env = env;
    this.bundled = bundled;
  }

  /**
   * @param option the path given on the command line, or null
   * @param configured the path from the config file, or null
   */
  public FfmpegTools locate(Path option, Path configured) {
    List<String> tried = new ArrayList<>();
    if (option != null) {
      return verify(option, siblingProbe(option), Source.OPTION);
    }
    if (configured != null) {
      return verify(configured, siblingProbe(configured), Source.CONFIG);
    }
    String fromEnv = env.get("OMNIVIBE_FFMPEG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path ffmpeg = Path.of(fromEnv);
      String probeEnv = env.get("OMNIVIBE_FFPROBE");
      Path ffprobe =
          probeEnv == null || probeEnv.isBlank() ? siblingProbe(ffmpeg) : Path.of(probeEnv);
      return verify(ffmpeg, ffprobe, Source.ENVIRONMENT);
    }
    Optional<Path> onPath = onPath(executableName("ffmpeg"));
    Optional<Path> probeOnPath = onPath(executableName("ffprobe"));
    if (onPath.isPresent() && probeOnPath.isPresent()) {
      return verify(onPath.get(), probeOnPath.get(), Source.PATH);
    }
    tried.add("PATH (" + (onPath.isPresent() ? "ffprobe" : "ffmpeg") + " not found)");
    Optional<Path[]> pair = bundled.get();
    if (pair.isPresent()) {
      return verify(pair.get()[0], pair.get()[1], Source.BUNDLED);
    }
    tried.add("the bundled org.bytedeco:ffmpeg binary (not on the classpath for this platform)");
    throw new FfmpegNotFoundException(
        "FFmpeg not found; tried "
            + String.join(", ", tried)
            + ". Install ffmpeg, or set OMNIVIBE_FFMPEG to its path.");
  }

  private FfmpegTools verify(Path ffmpeg, Path ffprobe, Source source) {
    for (Path exe : List.of(ffmpeg, ffprobe)) {
      if (!Files.isRegularFile(exe)) {
        throw new FfmpegNotFoundException(
            exe.getFileName() + " from " + describe(source) + " not found: " + exe);
      }
      if (!Files.isExecutable(exe)) {
        throw new FfmpegNotFoundException(
            exe.getFileName() + " from " + describe(source) + " is not executable: " + exe);
      }
    }
    Map<String, String> environment =
        source == Source.BUNDLED ? loaderPath(ffmpeg.getParent()) : Map.of();
    String version = version(ffmpeg, source, environment);
    version(ffprobe, source, environment);
    return new FfmpegTools(ffmpeg, ffprobe, source, version, environment);
  }

  /** Puts the bundle's own folder first on the dynamic loader path. */
  private Map<String, String> loaderPath(Path dir) {
    String os = System.getProperty("os.name", "");
    String variable =
        os.startsWith("Mac")
            ? "DYLD_LIBRARY_PATH"
            : os.startsWith("Windows") ? "PATH" : "LD_LIBRARY_PATH";
    String existing = env.getOrDefault(variable, "");
    return Map.of(
        variable, existing.isEmpty() ? dir.toString() : dir + File.pathSeparator + existing);
  }

  private static String version(Path exe, Source source, Map<String, String> environment) {
    ProcessResult result;
    try {
      result =
          ProcessResult.run(
              List.of(exe.toString(), "-hide_banner", "-version"),
              environment,
              Duration.ofSeconds(15));
    } catch (RuntimeException e) {
      throw new FfmpegNotFoundException(
          exe + " from " + describe(source) + " cannot start: " + e.getMessage());
    }
    if (result.exitCode() != 0) {
      String why = result.lastLine();
      String hint = "";
      if (why.contains("error while loading shared libraries")) {
        String lib = why.replaceAll(".*shared libraries: ([^:]+):.*", "$1");
        hint =
            source == Source.BUNDLED
                ? ". The bundled FFmpeg needs the system library "
                    + lib
                    + " (Debian/Ubuntu: apt-get install libpulse0 libasound2 libxcb1 libxcb-shm0"
                    + " libudev1),"
                    + " or set OMNIVIBE_FFMPEG to another ffmpeg"
                : "";
      }
      throw new FfmpegNotFoundException(
          exe.getFileName() + " from " + describe(source) + " does not run: " + why + hint);
    }
    String first = result.stdout().lines().findFirst().orElse("unknown version");
    return first.replaceFirst("^(ffmpeg|ffprobe) version ", "").replaceAll(" Copyright.*", "");
  }

  private Optional<Path> onPath(String name) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path siblingProbe(Path ffmpeg) {
    String name = ffmpeg.getFileName().toString().replace("ffmpeg", "ffprobe");
    return ffmpeg.resolveSibling(name);
  }

  static String executableName(String base) {
    return System.getProperty("os.name", "").startsWith("Windows") ? base + ".exe" : base;
  }

  private static String describe(Source source) {
    return switch (source) {
      case OPTION -> "--ffmpeg";
      case CONFIG -> "the config file";
      case ENVIRONMENT -> "OMNIVIBE_FFMPEG";
      case PATH -> "PATH";
      case BUNDLED -> "the bundled org.bytedeco:ffmpeg";
    };
  }
}
