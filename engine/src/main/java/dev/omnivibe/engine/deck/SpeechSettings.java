package dev.omnivibe.engine.deck;

/**
 * A deck's {@code "speech"} block: the voice, speed and loudness of its spoken slides.
 *
 * @param lufs loudness the speech is brought to; NaN keeps the level as spoken
 */
public record SpeechSettings(String voice, int rate, double lufs) {
  public static final String DEFAULT_VOICE = "en-us";
  public static final int DEFAULT_RATE = 170;
  public static final double DEFAULT_LUFS = -16;
  public static final SpeechSettings DEFAULT =
      new SpeechSettings(DEFAULT_VOICE, DEFAULT_RATE, DEFAULT_LUFS);
}
