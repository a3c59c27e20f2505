package dev.omnivibe.engine.render;

import java.nio.file.Path;

/**
 * A piece of the final H.264 stream, in playback order, produced by one video batch.
 *
 * @param file the encoded Annex B stream
 * @param frames frames this segment contributes to the video
 * @param encodedFrames frames FFmpeg encodes for it: 1 for a still written as skip frames
 */
public record Segment(Kind kind, int slide, Path file, long frames, long encodedFrames) {
  public enum Kind {
    STILL,
    TRANSITION,
    /** A crossfade the decoder draws from the two stills; nothing is encoded for it. */
    FADE
  }

  /** True when only the first picture is encoded and the rest are written as skip frames. */
  public boolean repeatsStill() {
    return kind == Kind.STILL && encodedFrames < frames;
  }
}
