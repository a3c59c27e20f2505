package dev.omnivibe.engine.deck;

import java.util.List;

/**
 * A deck that passed every check; rendering it can fail only for reasons outside the input.
 *
 * @param audioChannels 1 when every narration is mono (or there is none), else 2: encoding mono
 *     narration as stereo would only double the AAC work and the bits
 */
public record ResolvedDeck(List<ResolvedSlide> slides, OutputSettings output, int audioChannels) {
  public ResolvedDeck {
    slides = List.copyOf(slides);
  }

  public double durationSeconds() {
    return slides.stream().mapToDouble(ResolvedSlide::duration).sum();
  }
}
