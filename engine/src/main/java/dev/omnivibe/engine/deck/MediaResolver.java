package dev.omnivibe.engine.deck;

import java.nio.file.Path;

/**
 * Turns a media reference from a deck into a local file. Local decks resolve paths against the
 * deck's folder; the HTTP API resolves {@code asset:<sha256>} ids so remote callers never name a
 * local path.
 */
@FunctionalInterface
public interface MediaResolver {

  /**
   * @throws IllegalArgumentException with a message that explains why the reference is refused
   */
  Path resolve(String reference);

  static MediaResolver relativeTo(Path baseDir) {
    return ref -> baseDir == null ? Path.of(ref) : baseDir.resolve(ref).normalize();
  }
}
