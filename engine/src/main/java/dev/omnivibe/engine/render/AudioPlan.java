package dev.omnivibe.engine.render;

import java.nio.file.Path;
import java.util.List;

/**
 * The narration track: one FFmpeg step encodes the sounding regions and a silent packet, and the
 * engine splices them into {@code track} (ADTS), frame by frame.
 *
 * @param frames AAC frames in the track: the video's samples rounded up to whole frames
 */
public record AudioPlan(
    FfmpegStep step, List<AudioRegion> regions, Path silence, long frames, Path track) {
  public AudioPlan {
    regions = List.copyOf(regions);
  }
}
