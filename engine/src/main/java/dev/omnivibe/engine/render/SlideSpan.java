package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.TransitionType;

/**
 * Where one slide sits in the video, in frames. The slide shows its still for {@link
 * #stillFrames()} frames and then, when it has a transition, blends into the next picture for
 * {@code transitionFrames} frames.
 *
 * @param transition null for a cut
 */
public record SlideSpan(
    int index, long startFrame, long frames, long transitionFrames, TransitionType transition) {

  public long stillFrames() {
    return frames - transitionFrames;
  }

  public long endFrame() {
    return startFrame + frames;
  }

  public boolean hasTransition() {
    return transitionFrames > 0;
  }
}
