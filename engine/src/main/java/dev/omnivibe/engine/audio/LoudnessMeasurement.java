package dev.omnivibe.engine.audio;

/** What the first pass measured. */
public record LoudnessMeasurement(
    double integrated, double truePeak, double range, double threshold, double offset) {}
