package dev.omnivibe.engine.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files. Input hashes are remembered by path, size and modification time, so a deck
 * submitted again does not re-read every image; {@link #fresh} always reads the file.
 */
public final class ContentHasher {
  private record Stamp(long size, long modified) {}

  private record Known(Stamp stamp, String sha256) {}

  private final Map<Path, Known> known = new ConcurrentHashMap<>();

  /** The file's hash, from memory when its size and modification time are unchanged. */
  public String sha256(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
    Stamp stamp = new Stamp(a.size(), a.lastModifiedTime().toMillis());
    Known k = known.get(key);
    if (k != null && k.stamp().equals(stamp)) {
      return k.sha256();
    }
    String sha = fresh(key);
    known.put(key, new Known(stamp, sha));
    return sha;
  }

  /** Reads the whole file and hashes it. */
  public static String fresh(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static String sha256(String text) {
    return HexFormat.of()
        .formatHex(digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
