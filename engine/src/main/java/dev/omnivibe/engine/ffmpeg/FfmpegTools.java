package dev.omnivibe.engine.ffmpeg;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The ffmpeg and ffprobe executables this engine runs, where they were found, what they can do and
 * why they were chosen.
 *
 * @param environment variables every launch needs; the bundled build's libraries find each other
 *     only through the loader path, since not all of them carry an {@code $ORIGIN} run path
 * @param choice why this build was chosen over the other candidates, in words
 * @param alternates other builds that can render too; a hardware encoder this build cannot drive
 *     (its encoder API is newer than the driver) is tried with them
 */
public record FfmpegTools(
    Path ffmpeg,
    Path ffprobe,
    FfmpegSource source,
    String version,
    Map<String, String> environment,
    FfmpegBuild build,
    FfmpegChoice choice,
    List<FfmpegTools> alternates) {

  public FfmpegTools {
    environment = Map.copyOf(environment);
    alternates = List.copyOf(alternates);
    choice = choice == null ? FfmpegChoice.none() : choice;
  }

  /** A build taken on trust (see {@link FfmpegBuild#assumed}). */
  public FfmpegTools(
      Path ffmpeg,
      Path ffprobe,
      FfmpegSource source,
      String version,
      Map<String, String> environment) {
    this(
        ffmpeg,
        ffprobe,
        source,
        version,
        environment,
        FfmpegBuild.assumed(version),
        FfmpegChoice.none(),
        List.of());
  }

  /**
   * Both binaries' path, size and date: what caches of this build's abilities and costs are keyed
   * by, so a replaced binary is measured again.
   */
  public String identity() {
    return BuildCache.identity(ffmpeg, ffprobe);
  }

  /** E.g. {@code bundled FFmpeg 8.0.1 at /home/u/.cache/.../ffmpeg}. */
  public String describe() {
    return source.describe(version, ffmpeg);
  }

  /**
   * E.g. {@code bundled FFmpeg 8.0.1}: the build without its place, for job records and the API.
   */
  public String name() {
    return source.describe(version, null);
  }

  /** The same build with the reason it was chosen and the builds that stand beside it. */
  FfmpegTools chosen(FfmpegChoice why, List<FfmpegTools> others) {
    return new FfmpegTools(ffmpeg, ffprobe, source, version, environment, build, why, others);
  }
}
