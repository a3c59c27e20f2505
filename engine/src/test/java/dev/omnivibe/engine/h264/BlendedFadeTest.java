package dev.omnivibe.engine.h264;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fade drawn by the decoder: skip B frames between two pictures, checked against a real decode.
 */
class BlendedFadeTest {
  @TempDir Path dir;

  private List<NalUnit> idr(String source, String name) throws Exception {
    Path out = dir.resolve(name);
    TestFfmpeg.ffmpegOutput(
        "-y",
        "-f",
        "lavfi",
        "-i",
        source + "=s=320x180:r=30",
        "-frames:v",
        "1",
        "-pix_fmt",
        "yuv420p",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-bf",
        "1",
        "-x264-params",
        "weightb=1:cabac=0",
        "-g",
        "150",
        "-r",
        "30",
        "-f",
        "h264",
        out.toString());
    return AnnexB.parse(Files.readAllBytes(out));
  }

  private static NalUnit first(List<NalUnit> units, int type) {
    return units.stream().filter(u -> u.type() == type).findFirst().orElseThrow();
  }

  @Test
  void decoderDrawsTheCrossfadeInOrder() throws Exception {
    List<NalUnit> a = idr("testsrc2", "a.h264");
    List<NalUnit> b = idr("mandelbrot", "b.h264");
    Sps sps = Sps.parse(first(a, NalUnit.SPS));
    Pps pps = Pps.parse(first(a, NalUnit.PPS));
    int pocBits = 16;
    NalUnit newSps = ParameterSetRewriter.withPocLsbBits(first(a, NalUnit.SPS), pocBits);
    assertThat(Sps.parse(newSps).log2MaxPocLsb()).isEqualTo(pocBits);
    assertThat(Sps.parse(newSps).widthInMbs()).isEqualTo(sps.widthInMbs());
    SkipSlices skips = new SkipSlices(Sps.parse(newSps), pps, pocBits);
    assertThat(skips.canBlend()).isTrue();

    int still = 10;
    int fade = 15;
    int after = 10;
    List<NalUnit> stream = new ArrayList<>(List.of(newSps, first(a, NalUnit.PPS)));
    stream.add(IntraSliceRewriter.rewrite(first(a, NalUnit.IDR), sps, pps, pocBits, true, 0, 0, 0));
    int frameNum = 0;
    for (int d = 1; d <= still; d++) { // still frames 1..9 and fade frame 0 (a copy of A)
      stream.add(skips.p(++frameNum, d));
    }
    int base = still; // display index of fade frame 0
    stream.add(
        IntraSliceRewriter.rewrite(
            first(b, NalUnit.IDR), sps, pps, pocBits, false, 0, ++frameNum, base + fade));
    for (int j = 1; j < fade; j++) {
      stream.add(skips.b(frameNum + 1, base + j));
    }
    for (int d = base + fade + 1; d < base + fade + 1 + after; d++) {
      stream.add(skips.p(++frameNum, d));
    }
    Path h264 = Files.write(dir.resolve("fade.h264"), AnnexB.toBytes(stream));

    byte[] raw =
        TestFfmpeg.ffmpegOutput(
            "-err_detect",
            "explode",
            "-xerror",
            "-f",
            "h264",
            "-i",
            h264.toString(),
            "-f",
            "rawvideo",
            "-pix_fmt",
            "yuv420p",
            "-");
    int size = 320 * 180;
    int frames = raw.length / (size * 3 / 2);
    raw = lumaOnly(raw, frames, size);
    assertThat(frames).isEqualTo(still + 1 + fade + after - 1 + 1);
    double[] towardB = new double[frames];
    for (int f = 0; f < frames; f++) {
      towardB[f] = distance(raw, f, frames - 1, size);
    }
    // A for the still, then steadily closer to B through the fade, then B
    assertThat(towardB[0]).isGreaterThan(20);
    assertThat(towardB[still]).isEqualTo(towardB[0]);
    for (int j = 1; j < fade; j++) {
      assertThat(towardB[still + j]).isLessThan(towardB[still + j - 1]);
    }
    assertThat(towardB[still + fade]).isZero();
    // frame 7 of 15: implicit weights as H.264 8.4.2.3.1 derives them from order-count distances
    int tb = 7;
    int td = 15;
    int tx = (16384 + Math.abs(td / 2)) / td;
    int w1 = ((tb * tx + 32) >> 6) >> 2;
    assertThat(w1).isEqualTo(29);
    byte[] mid = java.util.Arrays.copyOfRange(raw, (still + 7) * size, (still + 8) * size);
    double err = 0;
    for (int i = 0; i < size; i++) {
      int expected =
          ((raw[i] & 0xff) * (64 - w1) + (raw[(frames - 1) * size + i] & 0xff) * w1 + 32) >> 6;
      err += Math.abs((mid[i] & 0xff) - expected);
    }
    assertThat(err / size).isLessThan(0.01);
  }

  /** Keeps the Y plane of each yuv420p frame: exact decoder output, no colour conversion. */
  private static byte[] lumaOnly(byte[] yuv, int frames, int size) {
    byte[] y = new byte[frames * size];
    for (int f = 0; f < frames; f++) {
      System.arraycopy(yuv, f * size * 3 / 2, y, f * size, size);
    }
    return y;
  }

  private static double distance(byte[] raw, int f, int g, int size) {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += Math.abs((raw[f * size + i] & 0xff) - (raw[g * size + i] & 0xff));
    }
    return (double) sum / size;
  }
}
