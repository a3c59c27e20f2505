package dev.omnivibe.engine.h264;

import java.io.ByteArrayOutputStream;

/** Writes bits and Exp-Golomb codes, then escapes the result into a NAL unit. */
public final class RbspWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private int current;
  private int used;

  public RbspWriter bits(long value, int n) {
    for (int i = n - 1; i >= 0; i--) {
      bit((int) ((value >> i) & 1));
    }
    return this;
  }

  /** Appends 8 bits; a byte at a time whatever the current bit alignment. */
  public RbspWriter byteBits(int value) {
    int combined = (current << 8) | (value & 0xff);
    bytes.write((combined >> used) & 0xff);
    current = combined & ((1 << used) - 1);
    return this;
  }

  public RbspWriter flag(boolean value) {
    return bit(value ? 1 : 0);
  }

  public RbspWriter ue(long value) {
    long v = value + 1;
    int len = 64 - Long.numberOfLeadingZeros(v);
    bits(0, len - 1);
    return bits(v, len);
  }

  public RbspWriter se(long value) {
    return ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  /** Ends the payload with the stop bit and alignment, and returns the escaped NAL unit. */
  public NalUnit toNal(int header) {
    bit(1);
    while (used != 0) {
      bit(0);
    }
    byte[] rbsp = bytes.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + 8);
    out.write(header);
    int zeros = 0;
    for (byte b : rbsp) {
      if (zeros >= 2 && (b & 0xff) <= 3) {
        out.write(3);
        zeros = 0;
      }
      out.write(b);
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return new NalUnit(out.toByteArray());
  }

  private RbspWriter bit(int b) {
    current = (current << 1) | b;
    if (++used == 8) {
      bytes.write(current);
      current = 0;
      used = 0;
    }
    return this;
  }
}
