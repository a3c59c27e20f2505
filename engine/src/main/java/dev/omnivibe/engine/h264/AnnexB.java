package dev.omnivibe.engine.h264;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Splits and writes H.264 byte streams in Annex B form (NAL units behind start codes). */
public final class AnnexB {
  private static final byte[] START_CODE = {0, 0, 0, 1};

  private AnnexB() {}

  public static List<NalUnit> parse(byte[] stream) {
    List<NalUnit> units = new ArrayList<>();
    int start = nextPayload(stream, 0);
    while (start >= 0 && start < stream.length) {
      int next = findStartCode(stream, start);
      int end = next < 0 ? stream.length : next;
      // A 4-byte start code leaves a zero byte at the end of the previous unit.
      int trimmed = end;
      while (trimmed > start && stream[trimmed - 1] == 0) {
        trimmed--;
      }
      if (trimmed > start) {
        byte[] nal = new byte[trimmed - start];
        System.arraycopy(stream, start, nal, 0, nal.length);
        units.add(new NalUnit(nal));
      }
      start = next < 0 ? -1 : next + 3;
    }
    return units;
  }

  public static void write(OutputStream out, NalUnit unit) throws IOException {
    out.write(START_CODE);
    out.write(unit.bytes());
  }

  public static byte[] toBytes(List<NalUnit> units) {
    int size = units.stream().mapToInt(u -> u.bytes().length + START_CODE.length).sum();
    byte[] out = new byte[size];
    int pos = 0;
    for (NalUnit u : units) {
      System.arraycopy(START_CODE, 0, out, pos, START_CODE.length);
      pos += START_CODE.length;
      System.arraycopy(u.bytes(), 0, out, pos, u.bytes().length);
      pos += u.bytes().length;
    }
    return out;
  }

  private static int nextPayload(byte[] s, int from) {
    int sc = findStartCode(s, from);
    return sc < 0 ? -1 : sc + 3;
  }

  /** Index of the next {@code 00 00 01}, or -1. */
  private static int findStartCode(byte[] s, int from) {
    for (int i = from; i + 2 < s.length; i++) {
      if (s[i + 2] > 1) {
        i += 2; // neither of the next two positions can start a code
      } else if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
        return i;
      }
    }
    return -1;
  }
}
