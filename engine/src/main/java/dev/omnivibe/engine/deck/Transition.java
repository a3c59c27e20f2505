package dev.omnivibe.engine.deck;

/** How a slide hands over to the next one; a cut has no duration. */
public record Transition(TransitionType type, double duration) {
  public static final Transition CUT = new Transition(TransitionType.CUT, 0);

  /** Duration used when a deck names a transition type but no duration. */
  public static final double DEFAULT_SECONDS = 0.5;

  public boolean isCut() {
    return type == TransitionType.CUT || duration <= 0;
  }
}
