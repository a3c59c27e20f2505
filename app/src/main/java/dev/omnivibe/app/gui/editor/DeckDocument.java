package dev.omnivibe.app.gui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.Slide;
import dev.omnivibe.engine.deck.TransitionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's slides and settings as deck JSON, the same format {@code omnivibe render} reads.
 * Paths are written relative to the deck file when they are inside its folder, so a deck folder can
 * be moved or shared as a whole.
 */
public final class DeckDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeckDocument() {}

  /**
   * What a loaded deck fills the editor with.
   *
   * @param extras the deck's {@code speech} and {@code audio} blocks, written back unchanged
   */
  public record Loaded(List<SlideItem> slides, OutputSettings output, ObjectNode extras) {}

  /** Top-level blocks the editor keeps but does not edit. */
  static final List<String> EXTRAS = List.of("speech", "audio");

  /**
   * @param base paths are written relative to this folder when inside it; null for absolute paths
   */
  public static ObjectNode toJson(List<SlideItem> slides, OutputSettings out, Path base) {
    return toJson(slides, out, base, null);
  }

  public static ObjectNode toJson(
      List<SlideItem> slides, OutputSettings out, Path base, ObjectNode extras) {
    ObjectNode root = JSON.createObjectNode();
    if (extras != null) {
      root.setAll(extras);
    }
    ArrayNode list = root.putArray("slides");
    for (SlideItem s : slides) {
      ObjectNode n = list.addObject();
      n.put("image", path(s.imageProperty().get(), base));
      String d = s.durationProperty().get() == null ? "" : s.durationProperty().get().trim();
      if (!d.isEmpty()) {
        try {
          n.put("duration", Double.parseDouble(d));
        } catch (NumberFormatException e) {
          // Passed through as text so the engine's own check names the field and the value.
          n.put("duration", d);
        }
      }
      if (s.narrationProperty().get() != null) {
        n.put("narration", path(s.narrationProperty().get(), base));
      }
      String said = s.narrationTextProperty().get();
      if (said != null && !said.isBlank()) {
        n.put("narrationText", said.strip());
        if (s.speech != null) {
          n.setAll(s.speech);
        }
      }
      TransitionType t = s.transitionProperty().get();
      if (t != null && t != TransitionType.CUT) {
        n.putObject("transition")
            .put("type", t.deckName())
            .put("duration", s.transitionSecondsProperty().get());
      }
    }
    ObjectNode o = root.putObject("output").put("width", out.width()).put("height", out.height());
    if (out.fps().denominator() == 1) {
      o.put("fps", out.fps().numerator());
    } else {
      o.put("fps", out.fps().ffmpeg());
    }
    o.put("quality", out.quality().deckName());
    return root;
  }

  /** Reads a deck file; media paths come back absolute. Spoken slides keep their text. */
  public static Loaded read(Path file) throws InvalidDeckException {
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (IOException e) {
      // The deck reader's own message (file and line) for anything malformed or unreadable.
      DeckReader.read(file);
      throw new InvalidDeckException(
          new dev.omnivibe.engine.deck.Problem(file.getFileName().toString(), e.getMessage()));
    }
    if (!(tree instanceof ObjectNode root)) {
      return fromDeck(DeckReader.read(file), null, Map.of());
    }
    ObjectNode copy = root.deepCopy();
    ObjectNode extras = JSON.createObjectNode();
    for (String k : EXTRAS) {
      if (copy.has(k)) {
        extras.set(k, copy.remove(k));
      }
    }
    Map<Integer, ObjectNode> spoken = new HashMap<>();
    JsonNode slides = copy.path("slides");
    for (int i = 0; i < slides.size(); i++) {
      if (slides.get(i) instanceof ObjectNode slide && slide.has("narrationText")) {
        ObjectNode said = JSON.createObjectNode();
        for (String k : List.of("narrationText", "voice", "rate")) {
          if (slide.has(k)) {
            said.set(k, slide.remove(k));
          }
        }
        if (!slide.has("duration")) {
          slide.put("duration", 1); // stands in for the speech's length while reading
          said.put("autoDuration", true);
        }
        spoken.put(i, said);
      }
    }
    Path base = file.toAbsolutePath().getParent();
    return fromDeck(DeckReader.fromTree(copy, base), extras, spoken);
  }

  private static Loaded fromDeck(Deck deck, ObjectNode extras, Map<Integer, ObjectNode> spoken) {
    List<SlideItem> items = new ArrayList<>();
    for (int i = 0; i < deck.slides().size(); i++) {
      Slide s = deck.slides().get(i);
      SlideItem item = new SlideItem(absolute(deck.baseDir(), s.image()));
      ObjectNode said = spoken.get(i);
      if (s.duration() != null && (said == null || !said.has("autoDuration"))) {
        item.durationProperty().set(trim(s.duration()));
      }
      if (s.narration() != null) {
        item.narrationProperty().set(absolute(deck.baseDir(), s.narration()));
      }
      if (said != null) {
        item.narrationTextProperty().set(said.path("narrationText").asText(""));
        ObjectNode keep = JSON.createObjectNode();
        for (String k : List.of("voice", "rate")) {
          if (said.has(k)) {
            keep.set(k, said.get(k));
          }
        }
        item.speech = keep.isEmpty() ? null : keep;
      }
      if (s.transition() != null && !s.transition().isCut()) {
        item.transitionProperty().set(s.transition().type());
        item.transitionSecondsProperty().set(s.transition().duration());
      }
      items.add(item);
    }
    return new Loaded(items, deck.output(), extras == null || extras.isEmpty() ? null : extras);
  }

  /** Writes atomically: a failed write (full disk) leaves an existing file as it was. */
  public static void write(Path file, JsonNode deck) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".partial");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), deck);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String path(Path p, Path base) {
    if (p == null) {
      return "";
    }
    Path abs = p.toAbsolutePath().normalize();
    if (base != null) {
      Path b = base.toAbsolutePath().normalize();
      if (abs.startsWith(b)) {
        return b.relativize(abs).toString().replace('\\', '/');
      }
    }
    return abs.toString();
  }

  private static Path absolute(Path base, String ref) {
    Path p = Path.of(ref);
    return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
