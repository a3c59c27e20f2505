package dev.omnivibe.engine.service;

import dev.omnivibe.engine.platform.DataFolderId;
import dev.omnivibe.engine.platform.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's data folder, held for as long as the engine runs: locked against a second engine,
 * cleared of what a dead process left, and the one place its sub-folders are named.
 */
public final class DataFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
  private final Path root;
  private final EngineLock lock;

  private DataFolder(Path root, EngineLock lock) {
    this.root = root;
    this.lock = lock;
  }

  /**
   * Locks the folder and removes temporary render folders and half-written outputs of a process
   * that died.
   *
   * @throws IllegalStateException when another engine uses the folder
   */
  public static DataFolder open(Path root) {
    DataFolder folder = new DataFolder(root, EngineLock.acquire(root));
    folder.cleanLeftovers();
    return folder;
  }

  public Path root() {
    return root;
  }

  public Path work() {
    return root.resolve("work");
  }

  public Path assets() {
    return root.resolve("assets");
  }

  public Path outputs() {
    return root.resolve("outputs");
  }

  public Path database() {
    return root.resolve("omnivibe.db");
  }

  /** The folder's own random id (see {@link DataFolderId}). */
  public String id() {
    return DataFolderId.of(root);
  }

  /** The name this node's jobs record as where they ran, when no studio names it. */
  public String nodeName() {
    return DataFolderId.nodeName(root);
  }

  private void cleanLeftovers() {
    FileTrees.deleteQuietly(work());
    if (Files.isDirectory(outputs())) {
      try (Stream<Path> files = Files.list(outputs())) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".partial"))
            .forEach(FileTrees::deleteQuietly);
      } catch (IOException e) {
        LOG.warn("cannot clean {}: {}", outputs(), e.toString());
      }
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
