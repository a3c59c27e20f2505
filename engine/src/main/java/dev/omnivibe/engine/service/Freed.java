package dev.omnivibe.engine.service;

/** What one clean-up removed. */
public record Freed(long files, long bytes) {
  Freed plus(Freed o) {
    return new Freed(files + o.files, bytes + o.bytes);
  }
}
