package dev.omnivibe.engine.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading helpers shared by the inspectors; messages name the problem, not the exception. */
final class Bytes {
  private Bytes() {}

  static byte[] readFile(Path file) throws MediaException {
    if (Files.isDirectory(file)) {
      throw new MediaException("is a folder, not a file: " + file);
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        throw new MediaException("file is empty: " + file);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new MediaException("file not found: " + file);
    } catch (AccessDeniedException e) {
      throw new MediaException("permission denied: " + file);
    } catch (IOException e) {
      throw new MediaException("cannot read " + file + ": " + e.getMessage());
    }
  }

  static boolean startsWith(byte[] data, int offset, String ascii) {
    if (data.length < offset + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (data[offset + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int u8(byte[] d, int i) {
    return d[i] & 0xff;
  }

  static int be16(byte[] d, int i) {
    return (u8(d, i) << 8) | u8(d, i + 1);
  }

  static long be32(byte[] d, int i) {
    return ((long) be16(d, i) << 16) | be16(d, i + 2);
  }

  static int le16(byte[] d, int i) {
    return u8(d, i) | (u8(d, i + 1) << 8);
  }

  static long le32(byte[] d, int i) {
    return le16(d, i) | ((long) le16(d, i + 2) << 16);
  }
}
