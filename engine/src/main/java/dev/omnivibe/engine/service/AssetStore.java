package dev.omnivibe.engine.service;

import dev.omnivibe.engine.dedup.ContentHasher;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The content-addressed asset folder: each file is stored under its SHA-256, so identical uploads
 * and identical generated narration share one file, and {@code asset:<sha256>} ids never dangle
 * while the file exists.
 */
public final class AssetStore {
  private final Path dir;

  public AssetStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** A temporary file in the asset folder (same file system, so adopting it is a rename). */
  public Path temp() throws IOException {
    Files.createDirectories(dir);
    return Files.createTempFile(dir, ".incoming-", ".tmp");
  }

  /** Moves {@code tmp} in under its SHA-256 and returns the hash. */
  public String adopt(Path tmp) throws IOException {
    return adopt(tmp, ContentHasher.fresh(tmp));
  }

  /**
   * Moves {@code tmp}, whose SHA-256 the caller already computed, in under that name. An existing
   * file with the same content is kept and {@code tmp} deleted.
   */
  public String adopt(Path tmp, String sha256) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(sha256);
    if (Files.exists(target)) {
      Files.deleteIfExists(tmp);
      return sha256;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return sha256;
  }

  public Path file(String sha256) {
    return dir.resolve(sha256);
  }
}
