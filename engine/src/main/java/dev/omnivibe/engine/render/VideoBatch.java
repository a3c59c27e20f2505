package dev.omnivibe.engine.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One FFmpeg process that decodes a run of slide images once each and encodes their still and
 * transition segments. Batches are independent, so they run in parallel.
 *
 * @param imageSlides for each image input, the first slide that uses it (to name a bad image)
 */
public record VideoBatch(FfmpegStep step, List<Segment> segments, Map<Path, Integer> imageSlides) {}
