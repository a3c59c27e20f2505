package dev.omnivibe.engine.deck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A slide deck as submitted, the whole format: slides (with narration files or words to speak),
 * output settings, the {@code audio} block (loudness, music) and the {@code speech} block (voice,
 * rate and loudness of spoken slides). Media references are still strings, resolved against {@code
 * baseDir} (the folder of the deck file) or as asset ids only when the deck is prepared.
 *
 * <p>{@link DeckReader} reads it, {@link DeckJson} writes it back, {@link DeckPreparation} turns it
 * into what the renderer takes: the one definition of the format.
 */
public record Deck(
    List<Slide> slides,
    OutputSettings output,
    AudioSettings audio,
    SpeechSettings speech,
    Path baseDir) {
  public Deck {
    slides = List.copyOf(slides);
    audio = audio == null ? AudioSettings.NONE : audio;
    speech = speech == null ? SpeechSettings.DEFAULT : speech;
  }

  /** The slides that speak their words, with the deck's voice, rate and loudness filled in. */
  public List<SpokenSlide> spokenSlides() {
    List<SpokenSlide> out = new ArrayList<>();
    for (int i = 0; i < slides.size(); i++) {
      Speech s = slides.get(i).speech();
      if (s != null) {
        out.add(
            new SpokenSlide(
                i,
                s.text(),
                s.voice() != null ? s.voice() : speech.voice(),
                s.rate() != null ? s.rate() : speech.rate(),
                speech.lufs()));
      }
    }
    return out;
  }

  /** Every media reference in the deck (images, narration files, the music), in order. */
  public List<String> mediaReferences() {
    List<String> refs = new ArrayList<>();
    for (Slide s : slides) {
      if (s.image() != null) {
        refs.add(s.image());
      }
      if (s.narration() != null) {
        refs.add(s.narration());
      }
    }
    if (audio.music() != null) {
      refs.add(audio.music());
    }
    return refs;
  }

  /** The same deck with every media reference (images, narration, music) mapped. */
  public Deck withMedia(UnaryOperator<String> map) {
    List<Slide> mapped = slides.stream().map(s -> s.withMedia(map)).toList();
    AudioSettings a = audio.music() == null ? audio : audio.withMusic(map.apply(audio.music()));
    return new Deck(mapped, output, a, speech, baseDir);
  }

  /** The same deck with spoken slides narrated by files: slide index to file reference. */
  public Deck withNarrations(Map<Integer, String> files) {
    if (files.isEmpty()) {
      return this;
    }
    List<Slide> out = new ArrayList<>(slides);
    files.forEach((i, file) -> out.set(i, out.get(i).narratedBy(file)));
    return new Deck(out, output, audio, speech, baseDir);
  }

  /** The same deck read relative to another folder (null: asset ids only). */
  public Deck relativeTo(Path folder) {
    return new Deck(slides, output, audio, speech, folder);
  }
}
