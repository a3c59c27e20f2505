package dev.omnivibe.engine.deck;

/**
 * One still image shown for {@code duration} seconds, or for as long as its narration plus {@code
 * padding} when no duration is given. The transition leads into the next slide and takes up the
 * last seconds of this one.
 */
public record Slide(
    String image, Double duration, String narration, double padding, Transition transition) {

  public boolean hasNarration() {
    return narration != null;
  }
}
