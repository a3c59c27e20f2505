package dev.omnivibe.api.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strong entity tags and the RFC 9110 comparison used for {@code If-None-Match}. */
public final class Etags {
  private static final String GZIP_SUFFIX = "-gzip";

  private Etags() {}

  /** A strong tag for these exact bytes (the first 128 bits of their SHA-256). */
  public static String of(byte[] bytes) {
    byte[] d = SHA256.get().digest(bytes);
    return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
  }

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(() -> digest("SHA-256"));

  /** A digest per thread: getInstance() costs about as much as hashing a small body. */
  public static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tag of the gzip representation: a different encoding is a different representation. */
  public static String gzip(String etag) {
    return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
  }

  /** Weak comparison (RFC 9110 13.1.2) of a tag against an {@code If-None-Match} value. */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String want = strip(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || strip(c).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
