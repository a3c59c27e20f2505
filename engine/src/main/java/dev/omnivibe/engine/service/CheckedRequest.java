package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.PreparedDeck;
import dev.omnivibe.engine.deck.SpokenSlide;
import java.util.List;

/** What checking a request found; see {@link #inspect}. */
public record CheckedRequest(PreparedDeck prepared, List<SpokenSlide> spoken) {}
