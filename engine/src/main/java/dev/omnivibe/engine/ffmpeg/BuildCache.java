package dev.omnivibe.engine.ffmpeg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.platform.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each FFmpeg build could do, on disk, keyed by the identity of its two binaries (path, size,
 * modification time): a start-up then runs no FFmpeg at all until a binary changes. Failures are
 * never cached, so installing a missing library takes effect at the next start.
 */
final class BuildCache {
  private static final Logger LOG = LoggerFactory.getLogger(BuildCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, FfmpegBuild>> TYPE = new TypeReference<>() {};
  private final Path file;
  // Read once: the file holds every build's listings, and parsing it is most of a start-up's cost.
  private Map<String, FfmpegBuild> loaded;

  /** A cache in {@code file}; null keeps nothing. */
  BuildCache(Path file) {
    this.file = file;
  }

  static String identity(Path ffmpeg, Path ffprobe) {
    return stamp(ffmpeg) + "|" + stamp(ffprobe);
  }

  synchronized Optional<FfmpegBuild> get(String identity) {
    if (loaded == null) {
      loaded = read();
    }
    return Optional.ofNullable(loaded.get(identity));
  }

  synchronized void put(String identity, FfmpegBuild build) {
    if (file == null) {
      return;
    }
    Map<String, FfmpegBuild> all = new HashMap<>(read());
    // Entries of binaries that changed or vanished are dropped, so the file cannot grow forever.
    all.keySet().removeIf(k -> !k.equals(identity) && !current(k));
    all.put(identity, build);
    loaded = Map.copyOf(all);
    try {
      JsonFiles.writeAtomically(file, JSON.writer(), all);
    } catch (IOException e) {
      // Still right for this run; the next start inspects again.
      LOG.warn("cannot write the FFmpeg cache {}: {}", file, e.getMessage());
    }
  }

  private Map<String, FfmpegBuild> read() {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(file.toFile(), TYPE);
    } catch (IOException e) {
      return Map.of(); // a damaged cache is a miss
    }
  }

  private static boolean current(String identity) {
    String[] parts = identity.split("\\|");
    return parts.length == 2
        && stamp(path(parts[0])).equals(parts[0])
        && stamp(path(parts[1])).equals(parts[1]);
  }

  private static Path path(String stamp) {
    int at = stamp.lastIndexOf('@');
    return Path.of(at < 0 ? stamp : stamp.substring(0, at));
  }

  private static String stamp(Path exe) {
    try {
      BasicFileAttributes a = Files.readAttributes(exe, BasicFileAttributes.class);
      return exe.toAbsolutePath() + "@" + a.size() + ":" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return exe.toAbsolutePath() + "@missing";
    }
  }
}
