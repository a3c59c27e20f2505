package dev.omnivibe.engine.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one H.264 track into an MP4 with explicit decode and presentation times.
 *
 * <p>Raw Annex B carries no timestamps, so FFmpeg can only give a raw stream presentation times
 * equal to its decode times; synthesized fades decode the next picture before the frames that blend
 * into it, and need a composition offset ({@code ctts}) per sample. The file is then remuxed with
 * the audio by FFmpeg, which also moves the index to the front.
 */
public final class Mp4VideoWriter implements AutoCloseable {
  private static final int MEDIA_HEADER = 16; // mdat size (64-bit form) written at close
  private final FileChannel out;
  private final int width;
  private final int height;
  private final int timescale;
  private final int frameTicks;
  private final byte[] sps;
  private final byte[] pps;
  private final List<Integer> sizes = new ArrayList<>();
  private final List<Long> offsets = new ArrayList<>();
  private final List<Integer> presentation = new ArrayList<>();
  private final List<Integer> syncSamples = new ArrayList<>();
  private long position;

  /**
   * @param timescale ticks per second of the track; {@code frameTicks} per frame
   * @param sps the active SPS NAL unit (header byte included), for the {@code avcC} box
   */
  public Mp4VideoWriter(
      Path file, int width, int height, int timescale, int frameTicks, byte[] sps, byte[] pps)
      throws IOException {
    this.out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    this.width = width;
    this.height = height;
    this.timescale = timescale;
    this.frameTicks = frameTicks;
    this.sps = sps.clone();
    this.pps = pps.clone();
    byte[] ftyp = new Box("ftyp").ascii("isom").u32(512).ascii("isomiso2avc1mp41").toBytes();
    write(ByteBuffer.wrap(ftyp));
    write(ByteBuffer.allocate(MEDIA_HEADER)); // placeholder for the mdat header
  }

  /**
   * Appends a sample in decode order.
   *
   * @param nals the picture's NAL units, without start codes
   * @param displayIndex the frame's position in presentation order
   */
  public void add(List<byte[]> nals, int displayIndex, boolean sync) throws IOException {
    int size = nals.stream().mapToInt(n -> n.length + 4).sum();
    ByteBuffer b = ByteBuffer.allocate(size);
    for (byte[] n : nals) {
      b.putInt(n.length).put(n);
    }
    b.flip();
    offsets.add(position);
    sizes.add(size);
    presentation.add(displayIndex);
    if (sync) {
      syncSamples.add(sizes.size());
    }
    write(b);
  }

  @Override
  public void close() throws IOException {
    try {
      long mdatStart =
          new Box("ftyp").ascii("isom").u32(512).ascii("isomiso2avc1mp41").toBytes().length;
      long mdatSize = position - mdatStart;
      ByteBuffer header =
          ByteBuffer.allocate(MEDIA_HEADER)
              .putInt(1)
              .put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .putLong(mdatSize);
      header.flip();
      out.write(header, mdatStart);
      write(ByteBuffer.wrap(moov()));
    } finally {
      out.close();
    }
  }

  private byte[] moov() {
    int n = sizes.size();
    // Reordered pictures would get negative offsets; delay every frame by the deepest reorder
    // and cut that delay off again with an edit list.
    int delay = 0;
    for (int i = 0; i < n; i++) {
      delay = Math.max(delay, i - presentation.get(i));
    }
    long mediaDuration = (long) n * frameTicks;
    long movieDuration = mediaDuration * 1000 / timescale;
    Box stbl =
        new Box("stbl")
            .add(new Box("stsd").u32(0).u32(1).add(avc1()))
            .add(Box.full("stts", 0, 0).u32(1).u32(n).u32(frameTicks))
            .add(ctts(delay))
            .add(stss())
            .add(Box.full("stsc", 0, 0).u32(1).u32(1).u32(1).u32(1))
            .add(stsz())
            .add(co64());
    Box minf =
        new Box("minf")
            .add(Box.full("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0))
            .add(new Box("dinf").add(Box.full("dref", 0, 0).u32(1).add(Box.full("url ", 0, 1))))
            .add(stbl);
    Box mdia =
        new Box("mdia")
            .add(
                Box.full("mdhd", 0, 0)
                    .u32(0)
                    .u32(0)
                    .u32(timescale)
                    .u32(mediaDuration)
                    .u16(0x55c4)
                    .u16(0))
            .add(
                Box.full("hdlr", 0, 0).u32(0).ascii("vide").zeros(12).ascii("OmniVibe video").u8(0))
            .add(minf);
    Box trak =
        new Box("trak")
            .add(
                Box.full("tkhd", 0, 3)
                    .u32(0)
                    .u32(0)
                    .u32(1)
                    .u32(0)
                    .u32(movieDuration)
                    .zeros(8)
                    .u16(0)
                    .u16(0)
                    .u16(0)
                    .u16(0)
                    .unityMatrix()
                    .u32((long) width << 16)
                    .u32((long) height << 16))
            .add(
                new Box("edts")
                    .add(
                        Box.full("elst", 0, 0)
                            .u32(1)
                            .u32(movieDuration)
                            .u32((long) delay * frameTicks)
                            .u32(0x00010000)))
            .add(mdia);
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
                .u32(2))
        .add(trak)
        .toBytes();
  }

  private Box avc1() {
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
        .u16(width)
        .u16(height)
        .u32(0x00480000)
        .u32(0x00480000)
        .u32(0)
        .u16(1)
        .zeros(32)
        .u16(0x18)
        .u16(0xffff)
        .add(avcc);
  }

  private Box ctts(int delay) {
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      long offset = (long) (presentation.get(i) + delay - i) * frameTicks;
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

  private Box stss() {
    Box b = Box.full("stss", 0, 0).u32(syncSamples.size());
    syncSamples.forEach(s -> b.u32(s));
    return b;
  }

  private Box stsz() {
    Box b = Box.full("stsz", 0, 0).u32(0).u32(sizes.size());
    sizes.forEach(s -> b.u32(s));
    return b;
  }

  private Box co64() {
    Box b = Box.full("co64", 0, 0).u32(offsets.size());
    offsets.forEach(o -> b.u64(o));
    return b;
  }

  private void write(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      position += out.write(b);
    }
  }
}
