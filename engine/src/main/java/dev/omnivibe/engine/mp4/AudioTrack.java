package dev.omnivibe.engine.mp4;

/** Audio track facts: AAC-LC frames of 1024 samples. */
public record AudioTrack(int sampleRate, int channels, byte[] audioSpecificConfig) {}
