package dev.omnivibe.engine.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * What a watch folder has already taken, as {@code name<TAB>fingerprint<TAB>outcome} lines in
 * {@code .omnivibe-watch.log} inside the folder: a restart does not queue the same drop twice,
 * while a changed file (new fingerprint) is taken again.
 */
final class Ledger {
  static final String FILE = ".omnivibe-watch.log";
  private final Path file;
  private final Set<String> taken = new HashSet<>();

  /**
   * @throws IllegalArgumentException naming the folder when the ledger cannot be written there
   */
  Ledger(Path folder) {
    this.file = folder.resolve(FILE);
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length >= 2) {
            taken.add(f[0] + "\t" + f[1]);
          }
        }
      }
      // Proves the folder is writable now, not at the first drop.
      Files.writeString(
          file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the watch folder "
              + folder
              + " is not writable (OmniVibe records what it picked up there): "
              + e.getMessage(),
          e);
    }
  }

  boolean taken(String name, String fingerprint) {
    return taken.contains(name + "\t" + fingerprint);
  }

  void record(String name, String fingerprint, String outcome) throws IOException {
    taken.add(name + "\t" + fingerprint);
    Files.writeString(
        file,
        name + "\t" + fingerprint + "\t" + outcome.replace('\n', ' ') + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
