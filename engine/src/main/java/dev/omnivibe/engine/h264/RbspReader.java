package dev.omnivibe.engine.h264;

/**
 * Reads bits and Exp-Golomb codes from a NAL unit, dropping emulation-prevention bytes ({@code 00
 * 00 03}) as it goes. Starts after the one-byte NAL header.
 */
public final class RbspReader {
  private final byte[] rbsp;
  private int bit;

  public RbspReader(NalUnit unit) {
    this.rbsp = unescape(unit.bytes());
    this.bit = 8;
  }

  /** Bits left before the {@code rbsp_stop_one_bit} that ends the payload. */
  public int bitsBeforeStopBit() {
    for (int i = rbsp.length - 1; i >= 0; i--) {
      if (rbsp[i] != 0) {
        int stop = i * 8 + 7 - Integer.numberOfTrailingZeros(rbsp[i] & 0xff);
        return stop - bit;
      }
    }
    return 0;
  }

  /** The next 8 bits, read a byte at a time rather than bit by bit (for bulk copies). */
  public int byteBits() {
    int i = bit >> 3;
    int off = bit & 7;
    int hi = rbsp[i] & 0xff;
    int lo = i + 1 < rbsp.length ? rbsp[i + 1] & 0xff : 0;
    bit += 8;
    return ((hi << 8 | lo) >> (8 - off)) & 0xff;
  }

  public int bits(int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 1) | bit();
    }
    return v;
  }

  public boolean flag() {
    return bit() == 1;
  }

  public int ue() {
    int zeros = 0;
    while (bit() == 0) {
      zeros++;
      if (zeros > 31) {
        throw new IllegalArgumentException("malformed Exp-Golomb code");
      }
    }
    return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : Integer.toUnsignedLong(bits(zeros))));
  }

  public int se() {
    int k = ue();
    return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
  }

  private int bit() {
    if (bit >= rbsp.length * 8) {
      throw new IllegalArgumentException("NAL unit ends early");
    }
    int v = (rbsp[bit >> 3] >> (7 - (bit & 7))) & 1;
    bit++;
    return v;
  }

  static byte[] unescape(byte[] ebsp) {
    byte[] out = new byte[ebsp.length];
    int n = 0;
    int zeros = 0;
    for (byte b : ebsp) {
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      out[n++] = b;
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
