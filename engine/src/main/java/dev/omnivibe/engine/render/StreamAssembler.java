package dev.omnivibe.engine.render;

import dev.omnivibe.engine.h264.AnnexB;
import dev.omnivibe.engine.h264.NalUnit;
import dev.omnivibe.engine.h264.SkipFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Joins the segments of a render into one H.264 stream. Still segments are written as their IDR
 * picture followed by skip frames, with the IDR repeated every GOP so players can seek; other
 * segments are copied byte for byte.
 */
final class StreamAssembler {
  private StreamAssembler() {}

  static void write(
      List<Segment> segments, Map<Segment, SkipFrameWriter> stills, int gop, OutputStream out)
      throws IOException {
    for (Segment segment : segments) {
      SkipFrameWriter writer = stills.get(segment);
      if (writer == null) {
        Files.copy(segment.file(), out);
        continue;
      }
      byte[] idr = AnnexB.toBytes(writer.idrAccessUnit());
      NalUnit[] skips = new NalUnit[gop];
      for (long f = 0; f < segment.frames(); f++) {
        int i = (int) (f % gop);
        if (i == 0) {
          out.write(idr);
        } else {
          if (skips[i] == null) {
            skips[i] = writer.skipFrame(i);
          }
          AnnexB.write(out, skips[i]);
        }
      }
    }
  }
}
