package dev.omnivibe.engine.tts;

import dev.omnivibe.engine.deck.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to speak, with the voice and speed.
 *
 * @param rate words per minute
 */
public record SpeechRequest(String text, String voice, int rate) {
  public static final int MAX_CHARS = 5000;
  public static final int MIN_RATE = 80;
  public static final int MAX_RATE = 450;
  public static final int DEFAULT_RATE = 170;
  public static final String DEFAULT_VOICE = "en-us";

  public SpeechRequest {
    voice = voice == null || voice.isBlank() ? DEFAULT_VOICE : voice.trim();
  }

  /**
   * Everything wrong with the request, each under {@code prefix} (e.g. {@code slides[2].}).
   *
   * @param voices the installed voices
   */
  public List<Problem> problems(String prefix, List<Voice> voices) {
    List<Problem> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      out.add(new Problem(prefix + "text", "is empty: give the words to speak"));
    } else if (text.length() > MAX_CHARS) {
      out.add(
          new Problem(
              prefix + "text",
              "is "
                  + text.length()
                  + " characters; the limit is "
                  + MAX_CHARS
                  + " (split it over slides)"));
    }
    if (voices.stream().noneMatch(v -> v.id().equalsIgnoreCase(voice))) {
      out.add(
          new Problem(
              prefix + "voice",
              "unknown voice '" + voice + "' (GET /api/v1/voice/list lists them)"));
    }
    if (rate < MIN_RATE || rate > MAX_RATE) {
      out.add(
          new Problem(
              prefix + "rate", rate + " words per minute is outside " + MIN_RATE + "-" + MAX_RATE));
    }
    return out;
  }
}
