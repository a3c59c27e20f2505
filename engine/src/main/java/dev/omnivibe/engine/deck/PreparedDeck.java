package dev.omnivibe.engine.deck;

import java.nio.file.Path;

/** The deck ready to render, and its music file (null when it has none). */
public record PreparedDeck(Deck deck, ResolvedDeck resolved, Path music) {}
