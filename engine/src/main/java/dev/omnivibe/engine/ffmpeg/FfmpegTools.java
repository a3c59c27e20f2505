package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;
import java.util.Map;

/**
 * The ffmpeg and ffprobe executables this engine runs, where they were found and their version.
 *
 * @param environment variables every launch needs; the bundled build's libraries find each other
 *     only through the loader path, since not all of them carry an {@code $ORIGIN} run path
 */
public record FfmpegTools(
    Path ffmpeg, Path ffprobe, Source source, String version, Map<String, String> environment) {

  public FfmpegTools {
    environment = Map.copyOf(environment);
  }

  /** Where an executable was found, in the order the locator tries them. */
  public enum Source {
    OPTION,
    CONFIG,
    ENVIRONMENT,
    PATH,
    BUNDLED
  }
}
