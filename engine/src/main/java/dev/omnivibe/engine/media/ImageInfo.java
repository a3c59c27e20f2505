package dev.omnivibe.engine.media;

/** Format and pixel size of a still image; size is 0x0 when the header does not carry it. */
public record ImageInfo(String format, int width, int height) {}
