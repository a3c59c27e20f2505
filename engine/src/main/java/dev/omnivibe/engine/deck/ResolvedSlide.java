package dev.omnivibe.engine.deck;

import java.nio.file.Path;

/**
 * A slide ready to render: its files exist and were checked, and its duration is final.
 *
 * @param narration null for a silent slide
 */
public record ResolvedSlide(
    int index, Path image, Path narration, double duration, Transition transition) {}
