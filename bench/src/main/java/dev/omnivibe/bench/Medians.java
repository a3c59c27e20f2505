package dev.omnivibe.bench;

import java.util.Arrays;

/** Every benchmark reports medians of its runs. */
final class Medians {
  private Medians() {}

  static double of(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
