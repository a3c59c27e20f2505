package dev.omnivibe.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The config file, {@code omnivibe.properties} in the per-user config folder. Keys: {@code
 * ffmpeg.path}, {@code api.bind}, {@code api.port}, {@code redis.uri}, {@code cache.max-mb}.
 * Command-line options win over the file.
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

  public Optional<String> get(String key) {
    String v = values.getProperty(key, "").trim();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
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
}
