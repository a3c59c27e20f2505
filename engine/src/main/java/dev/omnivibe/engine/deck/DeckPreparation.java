package dev.omnivibe.engine.deck;

import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.media.MediaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Deck} into what the renderer takes, the same way for every caller: at submit (to
 * check it and estimate it), in the worker that renders it, and in {@code omnivibe render}.
 *
 * <p>Every file is resolved and inspected ({@link DeckResolver}), the music too. A slide whose
 * words are not spoken yet stands in with the time its words take at its rate, so a deck is checked
 * in full before any speech runs; once spoken ({@link Deck#withNarrations}), the slide follows its
 * narration like any other.
 */
public final class DeckPreparation {
  private final DeckResolver resolver;
  private final AudioInspector audio;

  public DeckPreparation(ImageInspector images, AudioInspector audio) {
    this.resolver = new DeckResolver(images, audio);
    this.audio = audio;
  }

  /**
   * @throws InvalidDeckException naming every problem: media, durations, the music file
   */
  public PreparedDeck prepare(Deck deck, MediaResolver media) throws InvalidDeckException {
    List<Problem> problems = new ArrayList<>();
    ResolvedDeck resolved = null;
    try {
      resolved = resolver.resolve(standIn(deck), media);
    } catch (InvalidDeckException e) {
      problems.addAll(e.problems());
    }
    Path music = null;
    if (deck.audio().music() != null) {
      try {
        music = media.resolve(deck.audio().music());
        audio.inspect(music);
      } catch (IllegalArgumentException | MediaException e) {
        problems.add(new Problem("audio.music", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems);
    }
    return new PreparedDeck(deck, resolved, music);
  }

  /** Unspoken slides with the time their words take instead of a narration file. */
  static Deck standIn(Deck deck) {
    List<SpokenSlide> spoken = deck.spokenSlides();
    if (spoken.isEmpty()) {
      return deck;
    }
    List<Slide> slides = new ArrayList<>(deck.slides());
    for (SpokenSlide s : spoken) {
      Slide slide = slides.get(s.slide());
      Double duration = slide.duration();
      if (duration == null) {
        duration = Math.round((s.estimatedSeconds() + slide.padding()) * 10) / 10.0;
      }
      slides.set(s.slide(), new Slide(slide.image(), duration, null, 0, slide.transition(), null));
    }
    return new Deck(slides, deck.output(), deck.audio(), deck.speech(), deck.baseDir());
  }
}
