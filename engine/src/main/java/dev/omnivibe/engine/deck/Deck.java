package dev.omnivibe.engine.deck;

import java.nio.file.Path;
import java.util.List;

/**
 * A slide deck as written by the user: media references are still strings, resolved against {@code
 * baseDir} (the folder of the deck file) only when the deck is rendered.
 */
public record Deck(List<Slide> slides, OutputSettings output, Path baseDir) {
  public Deck {
    slides = List.copyOf(slides);
  }
}
