package dev.omnivibe.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The config file, {@code omnivibe.properties} in the per-user config folder. Keys: {@code
 * ffmpeg.path}, {@code data.dir}, {@code api.enabled}, {@code api.bind}, {@code api.port}, {@code
 * api.max-upload-mb}, {@code api.slow-ms}, {@code redis.uri}, {@code neo4j.uri}, {@code
 * cache.max-mb}, {@code workers.video|audio|maintenance}, {@code ui.theme}. Command-line options
 * win over the file.
 */
public final class Settings {
  private final Properties values;
  private final Path file;

  private Settings(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  /**
   * @throws IllegalStateException when the file exists but cannot be read
   */
  public static Settings load(Path configDir) {
    Path file = configDir.resolve("omnivibe.properties");
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new Settings(file, p);
  }

  /** No values, for when the file cannot be read; saving still goes to the usual place. */
  public static Settings empty(Path configDir) {
    return new Settings(configDir.resolve("omnivibe.properties"), new Properties());
  }

  public Path file() {
    return file;
  }

  public Optional<String> get(String key) {
    String v = values.getProperty(key, "").trim();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public boolean flag(String key, boolean fallback) {
    return get(key).map(Boolean::parseBoolean).orElse(fallback);
  }

  /**
   * @throws IllegalArgumentException naming the key and the file when the value is not a number
   */
  public Optional<Integer> integer(String key) {
    return get(key)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    key + " in " + file + " must be a whole number, got '" + v + "'");
              }
            });
  }

  /**
   * A copy with {@code changes} applied (an empty value removes the key), written to the file. The
   * write goes through a temporary file and a rename, so a full disk leaves the old file intact.
   *
   * @throws IllegalStateException naming the file when it cannot be written
   */
  public Settings save(Map<String, String> changes) {
    // Start from the file as it is now, not from this snapshot: the window has more than one
    // writer (settings form, encoder choice), and each must keep the others' keys.
    Properties next = new Properties();
    next.putAll(values);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        next.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    changes.forEach(
        (k, v) -> {
          if (v == null || v.isBlank()) {
            next.remove(k);
          } else {
            next.setProperty(k, v.trim());
          }
        });
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        next.store(out, "OmniVibe Workstation settings");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save settings to " + file + ": " + e, e);
    }
    return new Settings(file, next);
  }
}
