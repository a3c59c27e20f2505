package dev.omnivibe.engine.render;

import java.nio.file.Path;

/**
 * A stretch of the narration track that holds sound, in AAC frames of 1024 samples: frames {@code
 * [firstFrame, endFrame)} are encoded into {@code file}; everything outside every region is digital
 * silence and is filled with one repeated silent packet.
 */
public record AudioRegion(long firstFrame, long endFrame, Path file) {}
