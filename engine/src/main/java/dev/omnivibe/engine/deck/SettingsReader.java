package dev.omnivibe.engine.deck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/** Reads a deck's settings blocks: {@code output}, {@code audio} and {@code speech}. */
final class SettingsReader {
  private static final Set<String> AUDIO_FIELDS =
      Set.of("loudness", "music", "musicVolume", "duck");
  private static final Set<String> SPEECH_FIELDS = Set.of("voice", "rate", "loudness");
  private static final Set<String> OUTPUT_FIELDS = Set.of("width", "height", "fps", "quality");
  private final JsonFields fields;

  SettingsReader(JsonFields fields) {
    this.fields = fields;
  }

  AudioSettings audio(JsonNode a) {
    if (a == null || a.isNull()) {
      return AudioSettings.NONE;
    }
    if (!a.isObject()) {
      fields.problems.add(new Problem("audio", "must be an object such as {\"loudness\": -16}"));
      return AudioSettings.NONE;
    }
    fields.rejectUnknown(a, "audio.", AUDIO_FIELDS);
    double lufs = fields.loudness(a, "audio", AudioSettings.DEFAULT_LUFS);
    String music = null;
    JsonNode m = a.get("music");
    if (m != null && !m.isNull()) {
      if (m.isTextual() && !m.asText().isBlank()) {
        music = m.asText();
      } else {
        fields.problems.add(new Problem("audio.music", "must be a file path or asset id"));
      }
    }
    double volume = AudioSettings.DEFAULT_MUSIC_VOLUME;
    JsonNode v = a.get("musicVolume");
    if (v != null) {
      if (v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 1) {
        volume = v.asDouble();
      } else {
        fields.problems.add(
            new Problem("audio.musicVolume", "must be more than 0 and at most 1, got " + v));
      }
    }
    JsonNode d = a.get("duck");
    if (d != null && !d.isBoolean()) {
      fields.problems.add(new Problem("audio.duck", "must be true or false"));
    }
    return new AudioSettings(true, lufs, music, volume, d == null || d.asBoolean());
  }

  SpeechSettings speech(JsonNode s) {
    if (s == null || s.isNull()) {
      return SpeechSettings.DEFAULT;
    }
    if (!s.isObject()) {
      fields.problems.add(
          new Problem("speech", "must be an object such as {\"voice\": \"en-us\"}"));
      return SpeechSettings.DEFAULT;
    }
    fields.rejectUnknown(s, "speech.", SPEECH_FIELDS);
    String voice = fields.text(s, "speech", "voice", false);
    Integer rate = fields.whole(s, "speech", "rate");
    return new SpeechSettings(
        voice == null ? SpeechSettings.DEFAULT_VOICE : voice,
        rate == null ? SpeechSettings.DEFAULT_RATE : rate,
        fields.loudness(s, "speech", SpeechSettings.DEFAULT_LUFS));
  }

  OutputSettings output(JsonNode node) {
    OutputSettings defaults = OutputSettings.defaults();
    if (node == null || node.isNull()) {
      return defaults;
    }
    if (!node.isObject()) {
      fields.problems.add(new Problem("output", "must be an object"));
      return defaults;
    }
    fields.rejectUnknown(node, "output.", OUTPUT_FIELDS);
    Integer width = fields.integer(node, "output", "width");
    Integer height = fields.integer(node, "output", "height");
    FrameRate fps = frameRate(node.get("fps"));
    Quality quality = quality(node.get("quality"));
    return new OutputSettings(
        width == null ? defaults.width() : width,
        height == null ? defaults.height() : height,
        fps == null ? defaults.fps() : fps,
        quality == null ? defaults.quality() : quality);
  }

  FrameRate frameRate(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    FrameRate rate = FrameRates.parse(node.asText());
    if (rate == null || !(node.isNumber() || node.isTextual())) {
      fields.problems.add(
          new Problem(
              "output.fps",
              "unsupported frame rate '"
                  + node.asText()
                  + "' (use a whole number 1-"
                  + FrameRates.MAX
                  + ", 23.976, 29.97, 59.94 or a fraction like 30000/1001)"));
    }
    return rate;
  }

  Quality quality(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    for (Quality q : Quality.values()) {
      if (q.deckName().equals(node.asText().toLowerCase(Locale.ROOT))) {
        return q;
      }
    }
    fields.problems.add(
        new Problem(
            "output.quality", "unknown quality '" + node.asText() + "' (draft, standard, high)"));
    return null;
  }
}
