package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.ResolvedDeck;

/** A checked deck and how long it should take to render. */
public record Inspection(ResolvedDeck deck, double estimateSeconds) {}
