package dev.omnivibe.engine;

/**
 * What a health check reports about the engine, without local paths (health answers callers without
 * a token).
 *
 * @param storeUp whether the job store answers
 * @param ffmpegSource where the FFmpeg came from ({@code bundled}, {@code path}, ...)
 * @param ffmpegChoice why this FFmpeg was chosen, for this machine's own user (may name paths)
 * @param ffmpegPublicChoice the same without paths
 */
public record EngineHealth(
    boolean storeUp,
    String ffmpegVersion,
    String ffmpegSource,
    String ffmpegChoice,
    String ffmpegPublicChoice) {}
