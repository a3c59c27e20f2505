package dev.omnivibe.engine.platform;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** JSON files that other processes may read at any moment: never seen half-written. */
public final class JsonFiles {
  private JsonFiles() {}

  /** Writes {@code value} beside {@code file}, then moves it into place in one step. */
  public static void writeAtomically(Path file, ObjectWriter writer, Object value)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      writer.writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
