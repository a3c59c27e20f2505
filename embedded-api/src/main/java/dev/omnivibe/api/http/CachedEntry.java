package dev.omnivibe.api.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A stored response as bytes, so any cache backend (Caffeine or Redis) can hold it: status, type,
 * validators, the identity body and its gzip form.
 */
record CachedEntry(Body body, byte[] gzipped, Instant storedAt, String cacheControl) {
  private static final int VERSION = 2;

  byte[] encode() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(body.bytes().length + 256);
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeByte(VERSION);
      out.writeShort(body.status());
      out.writeUTF(body.contentType());
      out.writeLong(
          body.lastModified() == null ? Long.MIN_VALUE : body.lastModified().toEpochMilli());
      out.writeLong(storedAt.toEpochMilli());
      out.writeUTF(cacheControl == null ? "" : cacheControl);
      out.writeUTF(body.etag());
      out.writeInt(body.bytes().length);
      out.write(body.bytes());
      out.writeInt(gzipped == null ? -1 : gzipped.length);
      if (gzipped != null) {
        out.write(gzipped);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /** The entry, or null when the bytes are not one this version wrote (then it is a miss). */
  static CachedEntry decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != VERSION) {
        return null;
      }
      int status = in.readShort();
      String type = in.readUTF();
      long lm = in.readLong();
      Instant stored = Instant.ofEpochMilli(in.readLong());
      String cc = in.readUTF();
      String etag = in.readUTF();
      byte[] body = in.readNBytes(in.readInt());
      int gz = in.readInt();
      byte[] gzipped = gz < 0 ? null : in.readNBytes(gz);
      return new CachedEntry(
          new Body(
              status, type, body, lm == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lm), etag),
          gzipped,
          stored,
          cc.isEmpty() ? null : cc);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
