package dev.omnivibe.engine.h264;

/**
 * Reads a NAL payload and writes it again, field by field, so that chosen fields can be changed
 * while everything else, including the slice data after a header, is copied bit for bit.
 */
final class RbspCopier {
  private final RbspReader in;
  private final RbspWriter out = new RbspWriter();

  RbspCopier(NalUnit unit) {
    this.in = new RbspReader(unit);
  }

  RbspReader in() {
    return in;
  }

  RbspWriter out() {
    return out;
  }

  int bits(int n) {
    int v = in.bits(n);
    out.bits(v, n);
    return v;
  }

  boolean flag() {
    boolean v = in.flag();
    out.flag(v);
    return v;
  }

  int ue() {
    int v = in.ue();
    out.ue(v);
    return v;
  }

  int se() {
    int v = in.se();
    out.se(v);
    return v;
  }

  /** Copies the rest of the payload up to, not including, the stop bit. */
  NalUnit finish(int header) {
    int left = in.bitsBeforeStopBit();
    while (left >= 8) {
      out.byteBits(in.byteBits());
      left -= 8;
    }
    if (left > 0) {
      out.bits(in.bits(left), left);
    }
    return out.toNal(header);
  }
}
