package dev.omnivibe.engine.mp4;

record Chunk(boolean video, int firstSample, int samples, long bytes, long offset) {}
