package dev.omnivibe.engine.deck;

import java.util.Locale;

/** A quality level; each encoder profile maps it to its own rate-control values. */
public enum Quality {
  DRAFT,
  STANDARD,
  HIGH;

  public String deckName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
