package dev.omnivibe.engine.deck;

import java.util.Locale;

/**
 * A deck's {@code "audio"} block: {@code {"loudness": -16, "music": "bed.mp3", "musicVolume": 0.2,
 * "duck": true}}. With the block, every narration is brought to the loudness (two-pass; {@code
 * null} keeps its level) and gets short fades at its edges; {@code music} plays under the whole
 * video, ducked while narration speaks.
 *
 * @param present the deck has the block at all
 * @param lufs target loudness, or NaN to keep levels (fades still apply)
 * @param music a path (local decks) or {@code asset:<sha256>}, or null
 */
public record AudioSettings(
    boolean present, double lufs, String music, double musicVolume, boolean duck) {
  public static final AudioSettings NONE = new AudioSettings(false, Double.NaN, null, 0, false);
  public static final double DEFAULT_LUFS = -16;
  public static final double DEFAULT_MUSIC_VOLUME = 0.25;

  /** The same settings with another music reference (shared media, uploads). */
  public AudioSettings withMusic(String reference) {
    return new AudioSettings(present, lufs, reference, musicVolume, duck);
  }

  /** For dedup keys: the same settings make the same sound. */
  public String key() {
    return String.format(
        Locale.ROOT, "audio %s %.2f %s %.3f %s", present, lufs, music, musicVolume, duck);
  }
}
