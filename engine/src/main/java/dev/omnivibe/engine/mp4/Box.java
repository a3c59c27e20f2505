package dev.omnivibe.engine.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** An ISO BMFF box being built: type, then fields, then children; the size is filled in last. */
final class Box {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final String type;

  Box(String type) {
    this.type = type;
  }

  static Box full(String type, int version, int flags) {
    return new Box(type).u8(version).u24(flags);
  }

  Box u8(int v) {
    body.write(v);
    return this;
  }

  Box u16(int v) {
    return u8(v >>> 8).u8(v);
  }

  Box u24(int v) {
    return u8(v >>> 16).u16(v & 0xffff);
  }

  Box u32(long v) {
    return u16((int) (v >>> 16) & 0xffff).u16((int) v & 0xffff);
  }

  Box u64(long v) {
    return u32(v >>> 32).u32(v & 0xffffffffL);
  }

  Box bytes(byte[] b) {
    body.writeBytes(b);
    return this;
  }

  Box ascii(String s) {
    return bytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  Box zeros(int n) {
    return bytes(new byte[n]);
  }

  /** The identity transformation matrix of movie and track headers. */
  Box unityMatrix() {
    return u32(0x00010000)
        .u32(0)
        .u32(0)
        .u32(0)
        .u32(0x00010000)
        .u32(0)
        .u32(0)
        .u32(0)
        .u32(0x40000000);
  }

  Box add(Box child) {
    return bytes(child.toBytes());
  }

  /** The fields and children written so far, without this box's own header. */
  byte[] content() {
    return body.toByteArray();
  }

  byte[] toBytes() {
    byte[] content = body.toByteArray();
    Box out = new Box("");
    out.u32(content.length + 8L).ascii(type).bytes(content);
    return out.body.toByteArray();
  }
}
