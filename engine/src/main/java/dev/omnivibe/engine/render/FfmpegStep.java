package dev.omnivibe.engine.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One FFmpeg run of a render plan.
 *
 * @param scripts files to write before running (long filter graphs go in a file, not argv)
 * @param weight share of the render's work, for combining progress
 * @param environment variables the step's FFmpeg build needs (see {@code FfmpegTools})
 */
public record FfmpegStep(
    String name,
    List<String> args,
    Map<Path, String> scripts,
    double weight,
    Map<String, String> environment) {
  public FfmpegStep {
    args = List.copyOf(args);
    scripts = Map.copyOf(scripts);
    environment = Map.copyOf(environment);
  }
}
