package dev.omnivibe.engine.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.omnivibe.engine.platform.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Keeps the last probe on disk; it is reused only while the fingerprint still matches. */
public final class EncoderCache {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Path file;

  public EncoderCache(Path file) {
    this.file = file;
  }

  public Optional<EncoderReport> load(String fingerprint) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      EncoderReport report = JSON.readValue(file.toFile(), EncoderReport.class);
      return fingerprint.equals(report.fingerprint()) ? Optional.of(report) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a damaged cache is just a miss
    }
  }

  public void save(EncoderReport report) throws IOException {
    JsonFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter(), report);
  }
}
