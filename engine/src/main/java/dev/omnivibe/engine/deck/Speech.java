package dev.omnivibe.engine.deck;

/**
 * Words a slide speaks instead of a narration file ({@code narrationText}, with optional {@code
 * voice} and {@code rate}); what is not set comes from the deck's {@link SpeechSettings}.
 *
 * @param voice null for the deck's voice
 * @param rate words per minute; null for the deck's rate
 */
public record Speech(String text, String voice, Integer rate) {}
