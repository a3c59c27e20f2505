package dev.omnivibe.engine.deck;

/**
 * One still image shown for {@code duration} seconds, or for as long as its narration plus {@code
 * padding} when no duration is given. The narration is a file, or words to speak. The transition
 * leads into the next slide and takes up the last seconds of this one.
 *
 * @param narration a file reference, or null
 * @param speech words to speak instead of a narration file, or null
 */
public record Slide(
    String image,
    Double duration,
    String narration,
    double padding,
    Transition transition,
    Speech speech) {

  public boolean hasNarration() {
    return narration != null;
  }

  public boolean isSpoken() {
    return speech != null;
  }

  /** The same slide with other media references. */
  Slide withMedia(java.util.function.UnaryOperator<String> map) {
    return new Slide(
        image == null ? null : map.apply(image),
        duration,
        narration == null ? null : map.apply(narration),
        padding,
        transition,
        speech);
  }

  /** The same slide narrated by {@code file} (its words spoken into it). */
  Slide narratedBy(String file) {
    return new Slide(image, duration, file, padding, transition, null);
  }
}
