package dev.omnivibe.engine.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an inspection found, kept per file identity (path, size, modification time), so that a deck
 * checked at submit is not read again by its render, nor its files by the next render of the same
 * deck. A file that changes has a new identity and is inspected again; failures are never kept.
 */
final class FileMemo<T> {
  private static final int ENTRIES = 1024;
  private final Map<String, T> seen =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
          return size() > ENTRIES;
        }
      };

  /** The inspection of one file. */
  @FunctionalInterface
  interface Inspection<T> {
    T of(Path file) throws MediaException;
  }

  T get(Path file, Inspection<T> inspection) throws MediaException {
    String key = identity(file);
    if (key != null) {
      synchronized (seen) {
        T known = seen.get(key);
        if (known != null) {
          return known;
        }
      }
    }
    T found = inspection.of(file);
    if (key != null) {
      synchronized (seen) {
        seen.put(key, found);
      }
    }
    return found;
  }

  private static String identity(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return file.toAbsolutePath().normalize()
          + "@"
          + a.size()
          + ":"
          + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
          + ":"
          + a.fileKey();
    } catch (IOException e) {
      return null; // the inspection says what is wrong with it
    }
  }
}
