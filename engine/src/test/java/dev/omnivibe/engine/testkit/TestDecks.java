package dev.omnivibe.engine.testkit;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.DeckResolver;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.MediaResolver;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Small generated decks for end-to-end tests: 320x180, a few slides, short narration. */
public final class TestDecks {
  private TestDecks() {}

  public static Path tiny(
      Path dir, int slides, double slideSeconds, double narrationSeconds, String transition)
      throws IOException {
    return SampleDeckWriter.write(
        dir,
        new SampleDeckWriter.Spec(
            slides, 320, 180, slideSeconds, narrationSeconds, transition, 0.5, 320, 180, 30));
  }

  public static DeckResolver resolver() {
    return new DeckResolver(
        new ImageInspector(), new AudioInspector(new Ffprobe(TestFfmpeg.real())));
  }

  public static ResolvedDeck resolve(Path deckFile) throws InvalidDeckException {
    Deck deck = DeckReader.read(deckFile);
    return resolver().resolve(deck, MediaResolver.relativeTo(deck.baseDir()));
  }
}
