package dev.omnivibe.engine.tts;

/**
 * A local text-to-speech voice.
 *
 * @param id what to pass as {@code voice} (espeak-ng's language code, e.g. {@code en-us})
 * @param name human-readable name, e.g. {@code English (America)}
 * @param gender {@code M}, {@code F} or empty when the voice does not say
 */
public record Voice(String id, String name, String language, String gender) {}
