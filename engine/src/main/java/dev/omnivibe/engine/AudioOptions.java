package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deck's {@code "audio"} block: {@code {"loudness": -16, "music": "bed.mp3", "musicVolume": 0.2,
 * "duck": true}}. With the block, every narration is brought to the loudness (two-pass; {@code
 * null} keeps its level) and gets short fades at its edges; {@code music} plays under the whole
 * video, ducked while narration speaks.
 *
 * @param lufs target loudness, or NaN to keep levels (fades still apply)
 * @param music a path (local decks) or {@code asset:<sha256>}, or null
 */
record AudioOptions(boolean present, double lufs, String music, double musicVolume, boolean duck) {
  static final AudioOptions NONE = new AudioOptions(false, Double.NaN, null, 0, false);
  private static final Set<String> FIELDS = Set.of("loudness", "music", "musicVolume", "duck");

  /**
   * @throws InvalidDeckException naming each bad field ({@code audio.loudness}, …)
   */
  static AudioOptions of(JsonNode deck) throws InvalidDeckException {
    JsonNode a = deck.get("audio");
    if (a == null || a.isNull()) {
      return NONE;
    }
    List<Problem> problems = new ArrayList<>();
    if (!a.isObject()) {
      throw new InvalidDeckException(
          new Problem("audio", "must be an object such as {\"loudness\": -16}"));
    }
    a.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                problems.add(
                    new Problem(
                        "audio." + f,
                        "unknown field (allowed: duck, loudness, music, musicVolume)"));
              }
            });
    double lufs = Loudness.DEFAULT_LUFS;
    JsonNode l = a.get("loudness");
    if (l != null) {
      if (l.isNull()) {
        lufs = Double.NaN;
      } else if (l.isNumber() && l.asDouble() >= -40 && l.asDouble() <= -5) {
        lufs = l.asDouble();
      } else {
        problems.add(
            new Problem(
                "audio.loudness", "must be a target in LUFS from -40 to -5, or null, got " + l));
      }
    }
    String music = null;
    JsonNode m = a.get("music");
    if (m != null && !m.isNull()) {
      if (m.isTextual() && !m.asText().isBlank()) {
        music = m.asText();
      } else {
        problems.add(new Problem("audio.music", "must be a file path or asset id"));
      }
    }
    double volume = a.path("musicVolume").asDouble(0.25);
    JsonNode v = a.get("musicVolume");
    if (v != null && !(v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 1)) {
      problems.add(new Problem("audio.musicVolume", "must be more than 0 and at most 1, got " + v));
    }
    JsonNode d = a.get("duck");
    if (d != null && !d.isBoolean()) {
      problems.add(new Problem("audio.duck", "must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems);
    }
    return new AudioOptions(true, lufs, music, volume, d == null || d.asBoolean());
  }

  /** The deck without the blocks the deck reader does not know ({@code audio}, {@code speech}). */
  static JsonNode core(JsonNode deck) {
    if (!deck.has("audio") && !deck.has("speech")) {
      return deck;
    }
    ObjectNode copy = deck.deepCopy();
    copy.remove("audio");
    copy.remove("speech");
    return copy;
  }

  /** For the dedup key: the same options make the same sound. */
  String key() {
    return String.format(
        Locale.ROOT, "audio %s %.2f %s %.3f %s", present, lufs, music, musicVolume, duck);
  }
}
