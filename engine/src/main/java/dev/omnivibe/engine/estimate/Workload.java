package dev.omnivibe.engine.estimate;

import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.render.SlideSpan;
import dev.omnivibe.engine.render.Timeline;

/**
 * What a render costs, in the two quantities render time scales with: frames that must be drawn
 * (one per still plus every transition frame) and seconds of output (muxing, audio, repeats).
 */
public record Workload(long uniqueFrames, double outputSeconds) {

  public static Workload of(ResolvedDeck deck) {
    Timeline t = Timeline.of(deck);
    long frames = 0;
    for (SlideSpan s : t.spans()) {
      frames += 1 + s.transitionFrames();
    }
    return new Workload(frames, t.durationSeconds());
  }
}
