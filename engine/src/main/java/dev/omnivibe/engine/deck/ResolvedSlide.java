package dev.omnivibe.engine.deck;

import java.nio.file.Path;

/**
 * A slide ready to render: its files exist and were checked, and its duration is final.
 *
 * @param narration null for a silent slide
 * @param narrationSeconds how long the narration plays (at most the slide), 0 without one
 */
public record ResolvedSlide(
    int index,
    Path image,
    Path narration,
    double duration,
    Transition transition,
    double narrationSeconds) {

  /** A slide whose narration, if any, is assumed to fill it. */
  public ResolvedSlide(
      int index, Path image, Path narration, double duration, Transition transition) {
    this(index, image, narration, duration, transition, narration == null ? 0 : duration);
  }
}
