package dev.omnivibe.engine.estimate;

/**
 * Render time of one encoder as {@code a * pixelFrames + b * outputSeconds + c}: drawing frames,
 * writing seconds, and what every render costs whatever its size (starting FFmpeg, planning),
 * fitted by least squares to measured renders. Fewer than three renders, or renders too alike to
 * tell the terms apart, fit what they can; with nothing measured at all the estimate is a
 * deliberately cautious default until the engine's calibration renders (or real ones) arrive.
 */
final class EncoderModel {
  /** Deliberately slow (about 5x this machine's software renders) until something is measured. */
  static final double DEFAULT_PER_FRAME = 0.1;

  static final double DEFAULT_PER_SECOND = 0.05;
  // Normal equations over x = (pixelFrames, outputSeconds, 1) and the measured seconds y.
  private final double[][] xx = new double[3][3];
  private final double[] xy = new double[3];
  private double actual;
  private double predicted;
  private int n;

  synchronized void learn(Workload w, double seconds) {
    double[] x = {w.pixelFrames(), w.outputSeconds(), 1};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        xx[i][j] += x[i] * x[j];
      }
      xy[i] += x[i] * seconds;
    }
    actual += seconds;
    predicted += fallback(w);
    n++;
  }

  synchronized int samples() {
    return n;
  }

  synchronized double seconds(Workload w) {
    double[] x = {w.pixelFrames(), w.outputSeconds(), 1};
    if (n >= 3) {
      // All three terms, then the two variable ones without the fixed cost.
      double[] c = solve(new int[] {0, 1, 2});
      if (c == null) {
        c = solve(new int[] {0, 1});
      }
      if (c != null) {
        return c[0] * x[0] + c[1] * x[1] + c[2] * x[2];
      }
    }
    double scale = n == 0 || predicted == 0 ? 1 : actual / predicted;
    return fallback(w) * scale;
  }

  /**
   * Least squares over the terms named by {@code terms}; null when the renders cannot tell them
   * apart (a near-singular system) or a cost comes out negative.
   */
  private double[] solve(int[] terms) {
    int k = terms.length;
    double[][] a = new double[k][k + 1];
    double scale = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = xx[terms[i]][terms[j]];
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
      a[i][k] = xy[terms[i]];
    }
    // Gaussian elimination with partial pivoting on a 2x2 or 3x3 system.
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      if (Math.abs(a[col][col]) <= 1e-9 * scale) {
        return null;
      }
      for (int r = 0; r < k; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= k; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] out = new double[3];
    for (int i = 0; i < k; i++) {
      double v = a[i][k] / a[i][i];
      if (v < -1e-12) {
        return null;
      }
      out[terms[i]] = Math.max(0, v);
    }
    return out;
  }

  private static double fallback(Workload w) {
    return DEFAULT_PER_FRAME * w.pixelFrames() + DEFAULT_PER_SECOND * w.outputSeconds();
  }
}
