package dev.omnivibe.engine.deck;

/**
 * A slide whose narration is to be spoken, with the deck's defaults filled in.
 *
 * @param slide the slide's index
 * @param lufs loudness the speech is brought to; NaN keeps it as spoken
 */
public record SpokenSlide(int slide, String text, String voice, int rate, double lufs) {

  /** How long the words take at their rate, for estimates before they are spoken. */
  public double estimatedSeconds() {
    String[] words = text.trim().split("\\s+");
    return Math.max(1, words.length * 60.0 / rate);
  }
}
