package dev.omnivibe.engine.h264;

/** One H.264 NAL unit without its start code: the header byte followed by the escaped payload. */
public record NalUnit(byte[] bytes) {
  public static final int SLICE = 1;
  public static final int IDR = 5;
  public static final int SEI = 6;
  public static final int SPS = 7;
  public static final int PPS = 8;
  public static final int AUD = 9;

  public int type() {
    return bytes[0] & 0x1f;
  }

  public int refIdc() {
    return (bytes[0] >> 5) & 0x3;
  }

  public boolean isSlice() {
    return type() == SLICE || type() == IDR;
  }
}
