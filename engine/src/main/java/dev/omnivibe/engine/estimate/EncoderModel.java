package dev.omnivibe.engine.estimate;

/**
 * Render time of one encoder as {@code a * uniqueFrames + b * outputSeconds}, fitted by least
 * squares to measured renders. With fewer than three renders, or when the fit is ill-posed (all
 * renders alike), the cautious default is scaled by how far off it was on average.
 */
final class EncoderModel {
  /** Deliberately slow (about 5x this machine's software renders) until history exists. */
  static final double DEFAULT_PER_FRAME = 0.1;

  static final double DEFAULT_PER_SECOND = 0.05;
  private double ff;
  private double fs;
  private double ss;
  private double fy;
  private double sy;
  private double actual;
  private double predicted;
  private int n;

  synchronized void learn(Workload w, double seconds) {
    double f = w.uniqueFrames();
    double s = w.outputSeconds();
    ff += f * f;
    fs += f * s;
    ss += s * s;
    fy += f * seconds;
    sy += s * seconds;
    actual += seconds;
    predicted += fallback(w);
    n++;
  }

  synchronized int samples() {
    return n;
  }

  synchronized double seconds(Workload w) {
    if (n >= 3) {
      double det = ff * ss - fs * fs;
      // Near-singular: every render had the same frames-per-second mix; the split is unknowable.
      if (Math.abs(det) > 1e-9 * ff * ss) {
        double a = (fy * ss - sy * fs) / det;
        double b = (sy * ff - fy * fs) / det;
        if (a >= 0 && b >= 0) {
          return a * w.uniqueFrames() + b * w.outputSeconds();
        }
      }
    }
    double scale = n == 0 || predicted == 0 ? 1 : actual / predicted;
    return fallback(w) * scale;
  }

  private static double fallback(Workload w) {
    return DEFAULT_PER_FRAME * w.uniqueFrames() + DEFAULT_PER_SECOND * w.outputSeconds();
  }
}
