package dev.omnivibe.engine.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Joins the encoded regions and the silent packet into the narration track (ADTS). */
final class AdtsSplicer {
  private AdtsSplicer() {}

  /** Writes the track to {@code plan.track()} and returns its ADTS frames in order. */
  static List<byte[]> write(AudioPlan plan) throws IOException {
    List<byte[]> track = new ArrayList<>();
    List<byte[]> silence = frames(Files.readAllBytes(plan.silence()));
    if (silence.size() < 6) {
      throw new IOException(
          "the AAC encoder wrote " + silence.size() + " silent frames, expected 9");
    }
    byte[] silent = silence.get(4); // past the priming frame and the encoder's start-up
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(plan.track()), 1 << 16)) {
      long frame = 0;
      for (AudioRegion region : plan.regions()) {
        for (; frame < region.firstFrame(); frame++) {
          out.write(silent);
          track.add(silent);
        }
        List<byte[]> packets = frames(Files.readAllBytes(region.file()));
        long needed = region.endFrame() - region.firstFrame();
        if (packets.size() < needed + 1) {
          throw new IOException(
              "the AAC encoder wrote " + packets.size() + " frames for a region of " + needed);
        }
        // packet 0 is the encoder's priming (silence): frame k of the region is packet k + 1
        for (int k = 1; k <= needed; k++, frame++) {
          out.write(packets.get(k));
          track.add(packets.get(k));
        }
      }
      for (; frame < plan.frames(); frame++) {
        out.write(silent);
        track.add(silent);
      }
    }
    return track;
  }

  /** The raw AAC payload of an ADTS frame. */
  static byte[] payload(byte[] adts) {
    int header = (adts[1] & 0x01) == 1 ? 7 : 9; // protection_absent: no CRC
    return java.util.Arrays.copyOfRange(adts, header, adts.length);
  }

  /** The two-byte AudioSpecificConfig an MP4 needs, read from an ADTS header. */
  static byte[] audioSpecificConfig(byte[] adts) {
    int objectType = ((adts[2] & 0xc0) >> 6) + 1;
    int frequency = (adts[2] & 0x3c) >> 2;
    int channels = ((adts[2] & 0x01) << 2) | ((adts[3] & 0xc0) >> 6);
    int config = (objectType << 11) | (frequency << 7) | (channels << 3);
    return new byte[] {(byte) (config >> 8), (byte) config};
  }

  /** Splits an ADTS stream into its frames (header included). */
  static List<byte[]> frames(byte[] adts) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    int pos = 0;
    while (pos + 7 <= adts.length) {
      if ((adts[pos] & 0xff) != 0xff || (adts[pos + 1] & 0xf0) != 0xf0) {
        throw new IOException("not an ADTS frame at byte " + pos);
      }
      int length =
          ((adts[pos + 3] & 0x03) << 11)
              | ((adts[pos + 4] & 0xff) << 3)
              | ((adts[pos + 5] & 0xe0) >> 5);
      if (length < 7 || pos + length > adts.length) {
        throw new IOException("truncated ADTS frame at byte " + pos);
      }
      frames.add(java.util.Arrays.copyOfRange(adts, pos, pos + length));
      pos += length;
    }
    return frames;
  }
}
