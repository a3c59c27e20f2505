package dev.omnivibe.engine.deck;

/**
 * A frame rate as an exact fraction, so NTSC rates (30000/1001) place frames without drift.
 *
 * <p>All timing in a render is done in whole frames of this rate.
 */
public record FrameRate(int numerator, int denominator) {
  public FrameRate {
    if (numerator <= 0 || denominator <= 0) {
      throw new IllegalArgumentException(
          "frame rate must be positive: " + numerator + "/" + denominator);
    }
  }

  public double fps() {
    return (double) numerator / denominator;
  }

  /** The frame index nearest to {@code seconds}. */
  public long frameAt(double seconds) {
    return Math.round(seconds * numerator / denominator);
  }

  public double secondsOf(long frames) {
    return (double) frames * denominator / numerator;
  }

  /** FFmpeg's notation, e.g. {@code 30/1}. */
  public String ffmpeg() {
    return numerator + "/" + denominator;
  }

  @Override
  public String toString() {
    return denominator == 1 ? Integer.toString(numerator) : ffmpeg();
  }
}
