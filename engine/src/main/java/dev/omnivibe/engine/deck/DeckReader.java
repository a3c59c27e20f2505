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
  private static final Set<String> TRANSITION_FIELDS = Set.of("type", "duration");

  private final JsonFields fields = new JsonFields();
  private final SettingsReader settings = new SettingsReader(fields);

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
    return read(root, baseDir, true);
  }

  /**
   * Reads a deck a job stored, which was checked in full when it was submitted: its structure only,
   * without the value rules, so a job stored before a rule changed still reads.
   */
  public static Deck stored(JsonNode root, Path baseDir) throws InvalidDeckException {
    return read(root, baseDir, false);
  }

  private static Deck read(JsonNode root, Path baseDir, boolean rules) throws InvalidDeckException {
    DeckReader reader = new DeckReader();
    Deck deck = reader.deck(root, baseDir);
    if (deck != null && rules) {
      // One read reports structure and values together; a field already reported is not repeated.
      var reported =
          reader.fields.problems.stream()
              .map(Problem::field)
              .collect(java.util.stream.Collectors.toSet());
      DeckRules.check(deck).stream()
          .filter(p -> !reported.contains(p.field()))
          .forEach(reader.fields.problems::add);
    }
    if (!reader.fields.problems.isEmpty()) {
      throw new InvalidDeckException(reader.fields.problems);
    }
    return deck;
  }

  private Deck deck(JsonNode root, Path baseDir) {
    if (root == null || !root.isObject()) {
      fields.problems.add(new Problem("deck", "must be a JSON object with \"slides\""));
      return null;
    }
    fields.rejectUnknown(root, "", DECK_FIELDS);
    List<Slide> slides = new ArrayList<>();
    JsonNode slideNodes = root.get("slides");
    if (slideNodes == null || slideNodes.isNull()) {
      fields.problems.add(new Problem("slides", "missing: a deck needs at least one slide"));
    } else if (!slideNodes.isArray()) {
      fields.problems.add(new Problem("slides", "must be an array"));
    } else {
      for (int i = 0; i < slideNodes.size(); i++) {
        slides.add(slide(slideNodes.get(i), "slides[" + i + "]"));
      }
    }
    OutputSettings output = settings.output(root.get("output"));
    return new Deck(
        slides,
        output,
        settings.audio(root.get("audio")),
        settings.speech(root.get("speech")),
        baseDir);
  }

  private Slide slide(JsonNode node, String path) {
    if (!node.isObject()) {
      fields.problems.add(new Problem(path, "must be an object"));
      return new Slide(null, null, null, 0, Transition.CUT, null);
    }
    fields.rejectUnknown(node, path + ".", SLIDE_FIELDS);
    String image = fields.text(node, path, "image", true);
    String narration = fields.text(node, path, "narration", false);
    Double duration = fields.number(node, path, "duration");
    Double padding = fields.number(node, path, "padding");
    Transition transition = transition(node.get("transition"), path + ".transition");
    Speech speech = null;
    JsonNode words = node.get("narrationText");
    if (words != null && !words.isNull()) {
      if (!words.isTextual()) {
        fields.problems.add(new Problem(path + ".narrationText", "must be the words to speak"));
      } else if (narration != null) {
        fields.problems.add(
            new Problem(
                path + ".narrationText",
                "give either a narration file or narrationText, not both"));
      }
      speech =
          new Speech(
              words.asText(""),
              fields.text(node, path, "voice", false),
              fields.whole(node, path, "rate"));
    } else {
      for (String only : new String[] {"voice", "rate"}) {
        if (node.has(only)) {
          fields.problems.add(
              new Problem(path + "." + only, "only applies to a slide with narrationText"));
        }
      }
    }
    return new Slide(image, duration, narration, padding == null ? 0 : padding, transition, speech);
  }

  private Transition transition(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Transition.CUT;
    }
    if (node.isTextual()) {
      node = JSON.createObjectNode().put("type", node.asText());
    }
    if (!node.isObject()) {
      fields.problems.add(
          new Problem(path, "must be an object like {\"type\": \"fade\", \"duration\": 0.5}"));
      return Transition.CUT;
    }
    fields.rejectUnknown(node, path + ".", TRANSITION_FIELDS);
    String typeName = fields.text(node, path, "type", true);
    Double duration = fields.number(node, path, "duration");
    if (typeName == null) {
      return Transition.CUT;
    }
    var type = TransitionType.fromDeckName(typeName.toLowerCase(Locale.ROOT));
    if (type.isEmpty()) {
      fields.problems.add(
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
}
