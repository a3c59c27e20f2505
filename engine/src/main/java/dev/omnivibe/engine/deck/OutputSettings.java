package dev.omnivibe.engine.deck;

/** The video the deck renders to; the codec is always H.264/AAC in MP4. */
public record OutputSettings(int width, int height, FrameRate fps, Quality quality) {
  public static final int MAX_WIDTH = 7680;
  public static final int MAX_HEIGHT = 4320;
  public static final int MIN_SIDE = 16;

  public static OutputSettings defaults() {
    return new OutputSettings(1920, 1080, new FrameRate(30, 1), Quality.STANDARD);
  }
}
