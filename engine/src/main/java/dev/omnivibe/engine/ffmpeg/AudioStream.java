package dev.omnivibe.engine.ffmpeg;

/** Duration and channel count of a file's first audio stream. */
public record AudioStream(double durationSeconds, int channels) {}
