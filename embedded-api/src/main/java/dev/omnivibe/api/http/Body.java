package dev.omnivibe.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * A complete response body and what describes it. The strong ETag is computed from the identity
 * bytes once; the gzip form is made once and kept, so cached responses are not compressed per hit.
 *
 * @param lastModified null when the resource has no meaningful modification time
 */
public record Body(
    int status, String contentType, byte[] bytes, Instant lastModified, String etag) {

  /** A body whose strong ETag is computed from its bytes (once: hashing is the costly part). */
  public Body(int status, String contentType, byte[] bytes, Instant lastModified) {
    this(status, contentType, bytes, lastModified, Etags.of(bytes));
  }

  /** Gzip at level 6 (the seed's balance of speed and size). */
  public byte[] gzipped() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(6);
          }
        }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
