package dev.omnivibe.engine.payload;

import dev.omnivibe.engine.tts.SpeechRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a narration job stores: the words, voice and speed, and the loudness to bring them to.
 *
 * @param lufs target integrated loudness, or NaN to leave the level as spoken
 */
public record NarrationPayload(SpeechRequest speech, double lufs) {

  /** Identical words, voice, speed and loudness make identical audio: one job, one asset. */
  public String dedupKey() {
    String spec =
        String.format(
            Locale.ROOT,
            "narration/v1\n%s\n%d\n%.2f\n%s",
            speech.voice().toLowerCase(Locale.ROOT),
            speech.rate(),
            lufs,
            speech.text());
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(spec.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
