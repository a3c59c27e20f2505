package dev.omnivibe.engine.deck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the deck JSON format, all of it (slides, spoken words, output, the audio and speech
 * blocks), into a {@link Deck}, reporting every structural problem at once.
 *
 * <p>The tree is walked by hand rather than bound by Jackson so that each message names the exact
 * field ({@code slides[2].transition.type}) and unknown fields are rejected with their path. Value
 * ranges are checked by {@link DeckRules}; whether a voice is installed is the speech engine's to
 * say.
 */
public final class DeckReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DECK_FIELDS = Set.of("slides", "output", "audio", "speech");
  private static final Set<String> SLIDE_FIELDS =
      Set.of(
          "image",
          "duration",
          "narration",
          "padding",
          "transition",
          "narrationText",
          "voice",
          "rate");
  private static final Set<String> AUDIO_FIELDS =
      Set.of("loudness", "music", "musicVolume", "duck");
  private static final Set<String> SPEECH_FIELDS = Set.of("voice", "rate", "loudness");
  private static final Set<String> TRANSITION_FIELDS = Set.of("type", "duration");
  private static final Set<String> OUTPUT_FIELDS = Set.of("width", "height", "fps", "quality");

  private final List<Problem> problems = new ArrayList<>();

  private DeckReader() {}

  /** Reads a deck file; media paths in it are relative to the file's folder. */
  public static Deck read(Path deckFile) throws InvalidDeckException {
    String name = deckFile.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(deckFile);
    } catch (NoSuchFileException e) {
      throw new InvalidDeckException(new Problem(name, "file not found: " + deckFile));
    } catch (IOException e) {
      throw new InvalidDeckException(new Problem(name, "cannot read: " + e.getMessage()));
    }
    Path base = deckFile.toAbsolutePath().getParent();
    return parse(bytes, name, base);
  }

  /** Parses deck JSON; {@code source} names the input in messages about malformed JSON. */
  public static Deck parse(byte[] json, String source, Path baseDir) throws InvalidDeckException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidDeckException(
          new Problem(source, "malformed JSON" + where + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidDeckException(new Problem(source, "cannot read: " + e.getMessage()));
    }
    return fromTree(root, baseDir);
  }

  /** Converts an already parsed tree (e.g. the {@code deck} member of an API request). */
  public static Deck fromTree(JsonNode root, Path baseDir) throws InvalidDeckException {
    DeckReader reader = new DeckReader();
    Deck deck = reader.deck(root, baseDir);
    if (deck != null) {
      // One read reports structure and values together; a field already reported is not repeated.
      var reported =
          reader.problems.stream().map(Problem::field).collect(java.util.stream.Collectors.toSet());
      DeckRules.check(deck).stream()
          .filter(p -> !reported.contains(p.field()))
          .forEach(reader.problems::add);
    }
    if (!reader.problems.isEmpty()) {
      throw new InvalidDeckException(reader.problems);
    }
    return deck;
  }

  private Deck deck(JsonNode root, Path baseDir) {
    if (root == null || !root.isObject()) {
      problems.add(new Problem("deck", "must be a JSON object with \"slides\""));
      return null;
    }
    rejectUnknown(root, "", DECK_FIELDS);
    List<Slide> slides = new ArrayList<>();
    JsonNode slideNodes = root.get("slides");
    if (slideNodes == null || slideNodes.isNull()) {
      problems.add(new Problem("slides", "missing: a deck needs at least one slide"));
    } else if (!slideNodes.isArray()) {
      problems.add(new Problem("slides", "must be an array"));
    } else {
      for (int i = 0; i < slideNodes.size(); i++) {
        slides.add(slide(slideNodes.get(i), "slides[" + i + "]"));
      }
    }
    OutputSettings output = output(root.get("output"));
    return new Deck(slides, output, audio(root.get("audio")), speech(root.get("speech")), baseDir);
  }

  private Slide slide(JsonNode node, String path) {
    if (!node.isObject()) {
      problems.add(new Problem(path, "must be an object"));
      return new Slide(null, null, null, 0, Transition.CUT, null);
    }
    rejectUnknown(node, path + ".", SLIDE_FIELDS);
    String image = text(node, path, "image", true);
    String narration = text(node, path, "narration", false);
    Double duration = number(node, path, "duration");
    Double padding = number(node, path, "padding");
    Transition transition = transition(node.get("transition"), path + ".transition");
    Speech speech = null;
    JsonNode words = node.get("narrationText");
    if (words != null && !words.isNull()) {
      if (!words.isTextual()) {
        problems.add(new Problem(path + ".narrationText", "must be the words to speak"));
      } else if (narration != null) {
        problems.add(
            new Problem(
                path + ".narrationText",
                "give either a narration file or narrationText, not both"));
      }
      speech =
          new Speech(words.asText(""), text(node, path, "voice", false), whole(node, path, "rate"));
    } else {
      for (String only : new String[] {"voice", "rate"}) {
        if (node.has(only)) {
          problems.add(
              new Problem(path + "." + only, "only applies to a slide with narrationText"));
        }
      }
    }
    return new Slide(image, duration, narration, padding == null ? 0 : padding, transition, speech);
  }

  private AudioSettings audio(JsonNode a) {
    if (a == null || a.isNull()) {
      return AudioSettings.NONE;
    }
    if (!a.isObject()) {
      problems.add(new Problem("audio", "must be an object such as {\"loudness\": -16}"));
      return AudioSettings.NONE;
    }
    rejectUnknown(a, "audio.", AUDIO_FIELDS);
    double lufs = loudness(a, "audio", AudioSettings.DEFAULT_LUFS);
    String music = null;
    JsonNode m = a.get("music");
    if (m != null && !m.isNull()) {
      if (m.isTextual() && !m.asText().isBlank()) {
        music = m.asText();
      } else {
        problems.add(new Problem("audio.music", "must be a file path or asset id"));
      }
    }
    double volume = AudioSettings.DEFAULT_MUSIC_VOLUME;
    JsonNode v = a.get("musicVolume");
    if (v != null) {
      if (v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 1) {
        volume = v.asDouble();
      } else {
        problems.add(
            new Problem("audio.musicVolume", "must be more than 0 and at most 1, got " + v));
      }
    }
    JsonNode d = a.get("duck");
    if (d != null && !d.isBoolean()) {
      problems.add(new Problem("audio.duck", "must be true or false"));
    }
    return new AudioSettings(true, lufs, music, volume, d == null || d.asBoolean());
  }

  private SpeechSettings speech(JsonNode s) {
    if (s == null || s.isNull()) {
      return SpeechSettings.DEFAULT;
    }
    if (!s.isObject()) {
      problems.add(new Problem("speech", "must be an object such as {\"voice\": \"en-us\"}"));
      return SpeechSettings.DEFAULT;
    }
    rejectUnknown(s, "speech.", SPEECH_FIELDS);
    String voice = text(s, "speech", "voice", false);
    Integer rate = whole(s, "speech", "rate");
    return new SpeechSettings(
        voice == null ? SpeechSettings.DEFAULT_VOICE : voice,
        rate == null ? SpeechSettings.DEFAULT_RATE : rate,
        loudness(s, "speech", SpeechSettings.DEFAULT_LUFS));
  }

  /** A {@code loudness} target in LUFS; null keeps the level (NaN). */
  private double loudness(JsonNode parent, String path, double fallback) {
    JsonNode l = parent.get("loudness");
    if (l == null) {
      return fallback;
    }
    if (l.isNull()) {
      return Double.NaN;
    }
    if (l.isNumber() && l.asDouble() >= -40 && l.asDouble() <= -5) {
      return l.asDouble();
    }
    problems.add(
        new Problem(
            path + ".loudness", "must be a target in LUFS from -40 to -5, or null, got " + l));
    return fallback;
  }

  private Integer whole(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(
          new Problem(
              path + "." + field, "must be a whole number of words per minute, got " + node));
      return null;
    }
    return node.intValue();
  }

  private Transition transition(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Transition.CUT;
    }
    if (node.isTextual()) {
      node = JSON.createObjectNode().put("type", node.asText());
    }
    if (!node.isObject()) {
      problems.add(
          new Problem(path, "must be an object like {\"type\": \"fade\", \"duration\": 0.5}"));
      return Transition.CUT;
    }
    rejectUnknown(node, path + ".", TRANSITION_FIELDS);
    String typeName = text(node, path, "type", true);
    Double duration = number(node, path, "duration");
    if (typeName == null) {
      return Transition.CUT;
    }
    var type = TransitionType.fromDeckName(typeName.toLowerCase(Locale.ROOT));
    if (type.isEmpty()) {
      problems.add(
          new Problem(
              path + ".type",
              "unknown transition '"
                  + typeName
                  + "' (known: "
                  + TransitionType.knownNames()
                  + ")"));
      return Transition.CUT;
    }
    if (type.get() == TransitionType.CUT) {
      return Transition.CUT;
    }
    return new Transition(type.get(), duration == null ? Transition.DEFAULT_SECONDS : duration);
  }

  private OutputSettings output(JsonNode node) {
    OutputSettings defaults = OutputSettings.defaults();
    if (node == null || node.isNull()) {
      return defaults;
    }
    if (!node.isObject()) {
      problems.add(new Problem("output", "must be an object"));
      return defaults;
    }
    rejectUnknown(node, "output.", OUTPUT_FIELDS);
    Integer width = integer(node, "output", "width");
    Integer height = integer(node, "output", "height");
    FrameRate fps = frameRate(node.get("fps"));
    Quality quality = quality(node.get("quality"));
    return new OutputSettings(
        width == null ? defaults.width() : width,
        height == null ? defaults.height() : height,
        fps == null ? defaults.fps() : fps,
        quality == null ? defaults.quality() : quality);
  }

  private FrameRate frameRate(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    FrameRate rate = FrameRates.parse(node.asText());
    if (rate == null || !(node.isNumber() || node.isTextual())) {
      problems.add(
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

  private Quality quality(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    for (Quality q : Quality.values()) {
      if (q.deckName().equals(node.asText().toLowerCase(Locale.ROOT))) {
        return q;
      }
    }
    problems.add(
        new Problem(
            "output.quality", "unknown quality '" + node.asText() + "' (draft, standard, high)"));
    return null;
  }

  private void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        problems.add(
            new Problem(
                prefix + field,
                "unknown field (allowed: " + String.join(", ", sorted(known)) + ")"));
      }
    }
  }

  private String text(JsonNode parent, String path, String field, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(new Problem(path + "." + field, "missing"));
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problems.add(new Problem(path + "." + field, "must be a non-empty string"));
      return null;
    }
    return node.asText();
  }

  private Double number(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    // "NaN" and "Infinity" arrive as strings; keep them so the rules can name them precisely.
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText());
      } catch (NumberFormatException ignored) {
        // fall through to the message below
      }
    }
    problems.add(new Problem(path + "." + field, "must be a number of seconds, got " + node));
    return null;
  }

  private Integer integer(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(
          new Problem(path + "." + field, "must be a whole number of pixels, got " + node));
      return null;
    }
    return node.asInt();
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
