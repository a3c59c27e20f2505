package dev.omnivibe.engine.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A data folder's own identity: a random id written into the folder the first time. Two nodes (two
 * folders) never share it, even on hosts with the same name and paths; a copied folder keeps it, as
 * it keeps the data it names.
 */
public final class DataFolderId {
  private static final String FILE = "instance-id";

  private DataFolderId() {}

  /**
   * @throws IllegalStateException naming the file when it can be neither read nor written
   */
  public static String of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (id.matches("[0-9a-f-]{36}")) {
          return id;
        }
      }
      String id = UUID.randomUUID().toString();
      Files.createDirectories(dataDir);
      Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return id;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A readable name for this node: the host and a short hash of the data folder, so two nodes on
   * one host stay apart ({@code render-2-1f3a9c}).
   */
  public static String nodeName(Path dataDir) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "node";
    }
    return host
        + "-"
        + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
  }
}
