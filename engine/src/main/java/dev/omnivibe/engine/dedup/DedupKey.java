package dev.omnivibe.engine.dedup;

import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import java.io.IOException;
import java.util.Locale;

/**
 * Identity of a render: SHA-256 over the canonical deck (every slide's image and narration by
 * content hash, its final duration and transition), the output settings and the encoder choice. Two
 * submissions with the same key produce the same video, wherever their files live.
 */
public final class DedupKey {
  private static final String VERSION = "omnivibe-render-v1";

  private DedupKey() {}

  /** The key of a render of {@code deck} with {@code encoderChoice}. */
  public static String of(ResolvedDeck deck, String encoderChoice, ContentHasher hasher)
      throws IOException {
    return ContentHasher.sha256(
        canonical(deck, hasher) + "encoder " + encoderChoice.toLowerCase(Locale.ROOT) + "\n");
  }

  /** A key that also depends on {@code more} (e.g. the narration a deck will speak). */
  public static String combine(String key, String more) {
    return ContentHasher.sha256(key + "\n" + more + "\n");
  }

  /** The key of the deck alone (the presentation), whatever encoder renders it. */
  public static String presentation(ResolvedDeck deck, ContentHasher hasher) throws IOException {
    return ContentHasher.sha256(canonical(deck, hasher));
  }

  private static String canonical(ResolvedDeck deck, ContentHasher hasher) throws IOException {
    StringBuilder s = new StringBuilder(VERSION).append('\n');
    OutputSettings o = deck.output();
    s.append("output ")
        .append(o.width())
        .append('x')
        .append(o.height())
        .append(' ')
        .append(o.fps().numerator())
        .append('/')
        .append(o.fps().denominator())
        .append(' ')
        .append(o.quality())
        .append('\n');
    for (ResolvedSlide slide : deck.slides()) {
      s.append("slide ")
          .append(hasher.sha256(slide.image()))
          .append(' ')
          .append(slide.narration() == null ? "-" : hasher.sha256(slide.narration()))
          .append(' ')
          // Exact doubles: a different duration is a different video.
          .append(Double.toHexString(slide.duration()))
          .append(' ')
          .append(Double.toHexString(slide.narrationSeconds()))
          .append(' ')
          .append(slide.transition().type())
          .append(' ')
          .append(Double.toHexString(slide.transition().duration()))
          .append('\n');
    }
    return s.toString();
  }
}
