package dev.omnivibe.engine.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the final MP4 of a render: one H.264 track with explicit presentation order and one AAC
 * track, index first ("faststart"), media interleaved in one-second chunks.
 *
 * <p>Raw Annex B carries no timestamps, so FFmpeg could only give the video presentation times
 * equal to decode times; decoder-drawn fades decode the next picture before the frames that blend
 * into it and need a composition offset ({@code ctts}) per sample. Writing the file here also saves
 * a remux: FFmpeg spends microseconds per packet, and a long deck has tens of thousands.
 */
public final class Mp4Writer implements AutoCloseable {

  private final Path output;
  private final Path videoData;
  private final FileChannel videoOut;
  private final VideoTrack video;
  private final AudioTrack audio;
  private final List<Integer> videoSizes = new ArrayList<>();
  private final List<Integer> presentation = new ArrayList<>();
  private final List<Integer> syncSamples = new ArrayList<>();
  private final List<byte[]> audioFrames = new ArrayList<>();

  public Mp4Writer(Path output, Path workDir, VideoTrack video, AudioTrack audio)
      throws IOException {
    this.output = output;
    this.video = video;
    this.audio = audio;
    this.videoData = Files.createTempFile(workDir, "video", ".bin");
    this.videoOut = FileChannel.open(videoData, StandardOpenOption.WRITE);
  }

  /** Appends a picture in decode order, shown at {@code displayIndex}. */
  public void video(List<byte[]> nals, int displayIndex, boolean sync) throws IOException {
    int size = nals.stream().mapToInt(n -> n.length + 4).sum();
    ByteBuffer b = ByteBuffer.allocate(size);
    for (byte[] n : nals) {
      b.putInt(n.length).put(n);
    }
    b.flip();
    while (b.hasRemaining()) {
      videoOut.write(b);
    }
    videoSizes.add(size);
    presentation.add(displayIndex);
    if (sync) {
      syncSamples.add(videoSizes.size());
    }
  }

  /** Appends one raw AAC frame (no ADTS header). */
  public void audio(byte[] frame) {
    audioFrames.add(frame);
  }

  @Override
  public void close() throws IOException {
    videoOut.close();
    try {
      finish();
    } finally {
      Files.deleteIfExists(videoData);
    }
  }

  private void finish() throws IOException {
    Layout layout = layout();
    byte[] ftyp = new Box("ftyp").ascii("isom").u32(512).ascii("isomiso2avc1mp41").toBytes();
    long mdatPayload = layout.bytes;
    int moovSize = moov(layout, 0).length;
    long dataStart = ftyp.length + moovSize + 16L;
    byte[] moov = moov(layout, dataStart);
    try (FileChannel out =
            FileChannel.open(
                output,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        FileChannel in = FileChannel.open(videoData, StandardOpenOption.READ)) {
      write(out, ByteBuffer.wrap(ftyp));
      write(out, ByteBuffer.wrap(moov));
      ByteBuffer header =
          ByteBuffer.allocate(16)
              .putInt(1)
              .put("mdat".getBytes(StandardCharsets.US_ASCII))
              .putLong(mdatPayload + 16);
      write(out, header.flip());
      long videoPos = 0;
      int audioIndex = 0;
      for (Chunk c : layout.chunks) {
        if (c.video()) {
          long length = c.bytes();
          while (length > 0) {
            long n = in.transferTo(videoPos, length, out);
            videoPos += n;
            length -= n;
          }
        } else {
          for (int k = 0; k < c.samples(); k++) {
            write(out, ByteBuffer.wrap(audioFrames.get(audioIndex++)));
          }
        }
      }
    }
  }

  private record Layout(List<Chunk> chunks, long bytes) {}

  /** One-second chunks, alternating video and audio in time order. */
  private Layout layout() {
    List<Chunk> chunks = new ArrayList<>();
    int framesPerChunk = Math.max(1, video.timescale() / video.frameTicks());
    int audioPerChunk = Math.max(1, audio.sampleRate() / 1024);
    int v = 0;
    int a = 0;
    long offset = 0;
    while (v < videoSizes.size() || a < audioFrames.size()) {
      if (v < videoSizes.size()) {
        int n = Math.min(framesPerChunk, videoSizes.size() - v);
        long bytes = 0;
        for (int i = v; i < v + n; i++) {
          bytes += videoSizes.get(i);
        }
        chunks.add(new Chunk(true, v, n, bytes, offset));
        offset += bytes;
        v += n;
      }
      if (a < audioFrames.size()) {
        int n = Math.min(audioPerChunk, audioFrames.size() - a);
        long bytes = 0;
        for (int i = a; i < a + n; i++) {
          bytes += audioFrames.get(i).length;
        }
        chunks.add(new Chunk(false, a, n, bytes, offset));
        offset += bytes;
        a += n;
      }
    }
    return new Layout(chunks, offset);
  }

  private byte[] moov(Layout layout, long dataStart) {
    int n = videoSizes.size();
    long mediaDuration = (long) n * video.frameTicks();
    long movieDuration = mediaDuration * 1000 / video.timescale();
    // Reordered pictures would need negative offsets; delay all by the deepest reorder and cut
    // that delay off again with an edit list.
    int delay = 0;
    for (int i = 0; i < n; i++) {
      delay = Math.max(delay, i - presentation.get(i));
    }
    Box videoStbl =
        new Box("stbl")
            .add(new Box("stsd").u32(0).u32(1).add(avc1()))
            .add(Box.full("stts", 0, 0).u32(1).u32(n).u32(video.frameTicks()))
            .add(ctts(delay))
            .add(list("stss", syncSamples))
            .add(stsc(layout, true))
            .add(stsz(videoSizes))
            .add(co64(layout, true, dataStart));
    Box videoTrak =
        trak(
            1,
            movieDuration,
            video.width(),
            video.height(),
            0,
            elst(movieDuration, (long) delay * video.frameTicks()),
            new Box("mdia")
                .add(mdhd(video.timescale(), mediaDuration))
                .add(hdlr("vide", "OmniVibe video"))
                .add(
                    new Box("minf")
                        .add(Box.full("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0))
                        .add(dinf())
                        .add(videoStbl)));
    List<Integer> audioSizes = audioFrames.stream().map(f -> f.length).toList();
    long audioDuration = (long) audioFrames.size() * 1024;
    Box audioStbl =
        new Box("stbl")
            .add(new Box("stsd").u32(0).u32(1).add(mp4a()))
            .add(Box.full("stts", 0, 0).u32(1).u32(audioFrames.size()).u32(1024))
            .add(stsc(layout, false))
            .add(stsz(audioSizes))
            .add(co64(layout, false, dataStart));
    // The edit list ends the audio with the video: AAC frames round the track up by < 1024 samples.
    Box audioTrak =
        trak(
            2,
            movieDuration,
            0,
            0,
            0x0100,
            elst(movieDuration, 0),
            new Box("mdia")
                .add(mdhd(audio.sampleRate(), audioDuration))
                .add(hdlr("soun", "OmniVibe narration"))
                .add(
                    new Box("minf")
                        .add(Box.full("smhd", 0, 0).u16(0).u16(0))
                        .add(dinf())
                        .add(audioStbl)));
    return new Box("moov")
        .add(
            Box.full("mvhd", 0, 0)
                .u32(0)
                .u32(0)
                .u32(1000)
                .u32(movieDuration)
                .u32(0x00010000)
                .u16(0x0100)
                .zeros(10)
                .unityMatrix()
                .zeros(24)
                .u32(3))
        .add(videoTrak)
        .add(audioTrak)
        .toBytes();
  }

  private static Box trak(
      int id, long duration, int width, int height, int volume, Box edts, Box mdia) {
    return new Box("trak")
        .add(
            Box.full("tkhd", 0, 3)
                .u32(0)
                .u32(0)
                .u32(id)
                .u32(0)
                .u32(duration)
                .zeros(8)
                .u16(0)
                .u16(id == 2 ? 1 : 0)
                .u16(volume)
                .u16(0)
                .unityMatrix()
                .u32((long) width << 16)
                .u32((long) height << 16))
        .add(edts)
        .add(mdia);
  }

  private static Box elst(long movieDuration, long mediaTime) {
    return new Box("edts")
        .add(Box.full("elst", 0, 0).u32(1).u32(movieDuration).u32(mediaTime).u32(0x00010000));
  }

  private static Box mdhd(int timescale, long duration) {
    return Box.full("mdhd", 0, 0).u32(0).u32(0).u32(timescale).u32(duration).u16(0x55c4).u16(0);
  }

  private static Box hdlr(String type, String name) {
    return Box.full("hdlr", 0, 0).u32(0).ascii(type).zeros(12).ascii(name).u8(0);
  }

  private static Box dinf() {
    return new Box("dinf").add(Box.full("dref", 0, 0).u32(1).add(Box.full("url ", 0, 1)));
  }

  private Box avc1() {
    byte[] sps = video.sps();
    byte[] pps = video.pps();
    Box avcc =
        new Box("avcC")
            .u8(1)
            .u8(sps[1] & 0xff)
            .u8(sps[2] & 0xff)
            .u8(sps[3] & 0xff)
            .u8(0xff)
            .u8(0xe1)
            .u16(sps.length)
            .bytes(sps)
            .u8(1)
            .u16(pps.length)
            .bytes(pps);
    return new Box("avc1")
        .zeros(6)
        .u16(1)
        .zeros(16)
        .u16(video.width())
        .u16(video.height())
        .u32(0x00480000)
        .u32(0x00480000)
        .u32(0)
        .u16(1)
        .zeros(32)
        .u16(0x18)
        .u16(0xffff)
        .add(avcc);
  }

  private Box mp4a() {
    byte[] asc = audio.audioSpecificConfig();
    byte[] decoderSpecific = descriptor(0x05, asc);
    Box config = new Box("").u8(0x40).u8(0x15).u24(0).u32(0).u32(0).bytes(decoderSpecific);
    byte[] decoderConfig = descriptor(0x04, body(config));
    byte[] sl = descriptor(0x06, new byte[] {0x02});
    Box es = new Box("").u16(2).u8(0).bytes(decoderConfig).bytes(sl);
    Box esds = Box.full("esds", 0, 0).bytes(descriptor(0x03, body(es)));
    return new Box("mp4a")
        .zeros(6)
        .u16(1)
        .zeros(8)
        .u16(audio.channels())
        .u16(16)
        .u16(0)
        .u16(0)
        .u32((long) audio.sampleRate() << 16)
        .add(esds);
  }

  private static byte[] body(Box b) {
    return b.content();
  }

  private static byte[] descriptor(int tag, byte[] payload) {
    byte[] d = new byte[payload.length + 2];
    d[0] = (byte) tag;
    d[1] = (byte) payload.length; // all of ours are shorter than 128 bytes
    System.arraycopy(payload, 0, d, 2, payload.length);
    return d;
  }

  private Box ctts(int delay) {
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < presentation.size(); i++) {
      long offset = (long) (presentation.get(i) + delay - i) * video.frameTicks();
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == offset) {
        runs.get(runs.size() - 1)[0]++;
      } else {
        runs.add(new long[] {1, offset});
      }
    }
    Box b = Box.full("ctts", 0, 0).u32(runs.size());
    runs.forEach(r -> b.u32(r[0]).u32(r[1]));
    return b;
  }

  private static Box list(String type, List<Integer> values) {
    Box b = Box.full(type, 0, 0).u32(values.size());
    values.forEach(v -> b.u32(v));
    return b;
  }

  private static Box stsz(List<Integer> sizes) {
    Box b = Box.full("stsz", 0, 0).u32(0).u32(sizes.size());
    sizes.forEach(s -> b.u32(s));
    return b;
  }

  private static Box stsc(Layout layout, boolean video) {
    List<long[]> runs = new ArrayList<>();
    int chunkNumber = 0;
    for (Chunk c : layout.chunks) {
      if (c.video() != video) {
        continue;
      }
      chunkNumber++;
      if (runs.isEmpty() || runs.get(runs.size() - 1)[1] != c.samples()) {
        runs.add(new long[] {chunkNumber, c.samples()});
      }
    }
    Box b = Box.full("stsc", 0, 0).u32(runs.size());
    runs.forEach(r -> b.u32(r[0]).u32(r[1]).u32(1));
    return b;
  }

  private static Box co64(Layout layout, boolean video, long dataStart) {
    List<Chunk> mine = layout.chunks.stream().filter(c -> c.video() == video).toList();
    Box b = Box.full("co64", 0, 0).u32(mine.size());
    mine.forEach(c -> b.u64(dataStart + c.offset()));
    return b;
  }

  private static void write(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }
}
