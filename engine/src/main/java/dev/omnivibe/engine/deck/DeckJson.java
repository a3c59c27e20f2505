package dev.omnivibe.engine.deck;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Deck} in the deck JSON format, so that {@link DeckReader} reads the same deck
 * back: how a job stores its deck once its media were shared or its words spoken.
 */
public final class DeckJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DeckJson() {}

  public static ObjectNode write(Deck deck) {
    ObjectNode root = F.objectNode();
    var slides = root.putArray("slides");
    for (Slide s : deck.slides()) {
      ObjectNode n = slides.addObject();
      n.put("image", s.image());
      if (s.duration() != null) {
        n.put("duration", s.duration());
      }
      if (s.narration() != null) {
        n.put("narration", s.narration());
      }
      if (s.padding() != 0) {
        n.put("padding", s.padding());
      }
      if (s.transition().type() != TransitionType.CUT) {
        n.putObject("transition")
            .put("type", s.transition().type().deckName())
            .put("duration", s.transition().duration());
      }
      if (s.speech() != null) {
        n.put("narrationText", s.speech().text());
        if (s.speech().voice() != null) {
          n.put("voice", s.speech().voice());
        }
        if (s.speech().rate() != null) {
          n.put("rate", s.speech().rate());
        }
      }
    }
    OutputSettings o = deck.output();
    root.putObject("output")
        .put("width", o.width())
        .put("height", o.height())
        .put("fps", o.fps().ffmpeg())
        .put("quality", o.quality().deckName());
    AudioSettings a = deck.audio();
    if (a.present()) {
      ObjectNode n = root.putObject("audio");
      loudness(n, a.lufs());
      if (a.music() != null) {
        n.put("music", a.music());
      }
      n.put("musicVolume", a.musicVolume()).put("duck", a.duck());
    }
    SpeechSettings sp = deck.speech();
    if (!sp.equals(SpeechSettings.DEFAULT)) {
      ObjectNode n = root.putObject("speech").put("voice", sp.voice()).put("rate", sp.rate());
      loudness(n, sp.lufs());
    }
    return root;
  }

  private static void loudness(ObjectNode n, double lufs) {
    if (Double.isNaN(lufs)) {
      n.putNull("loudness");
    } else {
      n.put("loudness", lufs);
    }
  }
}
