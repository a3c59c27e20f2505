package dev.omnivibe.engine.media;

/** Format, exact duration and channel count of a narration file. */
public record AudioInfo(String format, double durationSeconds, int channels) {}
