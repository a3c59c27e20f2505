package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.h264.AnnexB;
import dev.omnivibe.engine.h264.BlendedStream;
import dev.omnivibe.engine.h264.NalUnit;
import dev.omnivibe.engine.h264.SkipFrameWriter;
import dev.omnivibe.engine.h264.UnsupportedStreamException;
import dev.omnivibe.engine.mp4.AudioTrack;
import dev.omnivibe.engine.mp4.Mp4Writer;
import dev.omnivibe.engine.mp4.VideoTrack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the segments of a render into one H.264 stream. Still segments are written as their IDR
 * picture followed by skip frames, with the IDR repeated every GOP so players can seek; other
 * segments are copied byte for byte.
 */
final class StreamAssembler {
  private StreamAssembler() {}

  /**
   * Writes a blended render as the final MP4: stills as skip frames, fades as skip B frames the
   * decoder blends, encoded transitions re-headed (see {@link BlendedStream}), plus the narration.
   */
  static void writeBlended(
      RenderPlan plan, OutputSettings output, List<byte[]> adts, Path target, Path work)
      throws IOException, UnsupportedStreamException {
    List<Segment> segments = plan.segments();
    // A still's file is needed for the fade into it and for the still itself: parse each once.
    Map<Path, List<List<NalUnit>>> parsed = new HashMap<>();
    Segment firstEncoded =
        segments.stream()
            .filter(s -> s.file() != null)
            .findFirst()
            .orElseThrow(() -> new UnsupportedStreamException("nothing was encoded"));
    Mp4Writer[] writer = new Mp4Writer[1];
    BlendedStream stream =
        BlendedStream.start(
            pictures(firstEncoded, parsed).get(0),
            plan.gopFrames(),
            (nals, display, sync) -> writer[0].video(nals, display, sync));
    FrameRate rate = plan.timeline().rate();
    VideoTrack video =
        new VideoTrack(
            output.width(),
            output.height(),
            rate.numerator(),
            rate.denominator(),
            stream.sps(),
            stream.pps());
    byte[] asc = AdtsSplicer.audioSpecificConfig(adts.get(0));
    int channels = (asc[1] >> 3) & 0x0f;
    AudioTrack audio = new AudioTrack(plan.timeline().sampleRate(), channels, asc);
    try (Mp4Writer w = new Mp4Writer(target, work, video, audio)) {
      writer[0] = w;
      for (int i = 0; i < segments.size(); i++) {
        Segment s = segments.get(i);
        switch (s.kind()) {
          case STILL -> stream.still(onePicture(s, parsed), s.frames());
          case TRANSITION -> stream.pictures(pictures(s, parsed));
          case FADE -> stream.fade(s.frames(), onePicture(segments.get(i + 1), parsed));
        }
      }
      for (byte[] frame : adts) {
        w.audio(AdtsSplicer.payload(frame));
      }
    }
  }

  private static List<List<NalUnit>> pictures(Segment s, Map<Path, List<List<NalUnit>>> parsed)
      throws IOException {
    List<List<NalUnit>> pictures = parsed.get(s.file());
    if (pictures == null) {
      pictures = BlendedStream.splitPictures(AnnexB.parse(Files.readAllBytes(s.file())));
      parsed.put(s.file(), pictures);
    }
    return pictures;
  }

  private static List<NalUnit> onePicture(Segment still, Map<Path, List<List<NalUnit>>> parsed)
      throws IOException, UnsupportedStreamException {
    if (still.kind() != Segment.Kind.STILL) {
      throw new UnsupportedStreamException("a fade must lead into a still");
    }
    return pictures(still, parsed).get(0);
  }

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
