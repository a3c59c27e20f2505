package dev.omnivibe.engine.estimate;

import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.render.SlideSpan;
import dev.omnivibe.engine.render.Timeline;

/**
 * What a render costs, in the quantities render time scales with: frames that must be drawn (one
 * per still plus every transition frame) and how large they are, and seconds of output (muxing,
 * audio, repeats).
 *
 * @param megapixels the size of one output frame; frames of a larger output cost more to draw
 */
public record Workload(long uniqueFrames, double outputSeconds, double megapixels) {

  /** A workload whose frames are counted at one megapixel each. */
  public Workload(long uniqueFrames, double outputSeconds) {
    this(uniqueFrames, outputSeconds, 1.0);
  }

  /** Frames to draw, weighted by their size: the encoders' work. */
  public double pixelFrames() {
    return uniqueFrames * megapixels;
  }

  public static Workload of(ResolvedDeck deck) {
    Timeline t = Timeline.of(deck);
    long frames = 0;
    for (SlideSpan s : t.spans()) {
      frames += 1 + s.transitionFrames();
    }
    return new Workload(
        frames, t.durationSeconds(), deck.output().width() * (double) deck.output().height() / 1e6);
  }
}
