package dev.omnivibe.engine.mp4;

/** Video track facts; {@code sps}/{@code pps} are NAL units with their header byte. */
public record VideoTrack(
    int width, int height, int timescale, int frameTicks, byte[] sps, byte[] pps) {}
