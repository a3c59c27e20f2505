package dev.omnivibe.engine.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data folder, so two processes never run the same store's jobs. The
 * operating system drops it when the process dies, even by SIGKILL, which is what makes "a job left
 * RUNNING belongs to a dead process" true at start.
 */
public final class EngineLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private EngineLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static EngineLock acquire(Path dataDir) {
    Path file = dataDir.resolve("engine.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        l = null; // this process already has an engine on the folder
      }
      if (l == null) {
        String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        ch.close();
        throw new IllegalStateException(
            "another OmniVibe engine"
                + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                + " is using "
                + dataDir
                + "; stop it or choose another data folder");
      }
      ch.truncate(0);
      ch.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new EngineLock(ch, l);
    } catch (IOException e) {
      throw new IllegalStateException("cannot lock the data folder " + dataDir + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the process is letting go of the folder; the OS releases the lock regardless
    }
  }
}
