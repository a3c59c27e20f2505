package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;
import java.util.Locale;

/** Where an executable was found, in the order the locator tries them. */
public enum FfmpegSource {
  OPTION("ffmpeg", " from --ffmpeg"),
  CONFIG("ffmpeg", " from the ffmpeg.path setting"),
  ENVIRONMENT("ffmpeg", " from OMNIVIBE_FFMPEG"),
  PATH("system ffmpeg", ""),
  BUNDLED("bundled FFmpeg", "");

  private final String noun;
  private final String origin;

  FfmpegSource(String noun, String origin) {
    this.noun = noun;
    this.origin = origin;
  }

  /** E.g. {@code system ffmpeg} or {@code ffmpeg from --ffmpeg}. */
  public String label() {
    return noun + origin;
  }

  /** E.g. {@code ffmpeg 7.1 from --ffmpeg at /opt/ffmpeg}; version and path may be null. */
  public String describe(String version, Path path) {
    return noun
        + (version == null ? "" : " " + version)
        + origin
        + (path == null ? "" : " at " + path);
  }

  /** Named by the user rather than found: a build that cannot render is an error, not skipped. */
  public boolean explicit() {
    return this == OPTION || this == CONFIG || this == ENVIRONMENT;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
