package dev.omnivibe.engine.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the JDK lacks. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes a file or folder tree; missing paths and individual failures are ignored. */
  public static void deleteQuietly(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort: a temp file someone else holds open is not worth failing over
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }
}
