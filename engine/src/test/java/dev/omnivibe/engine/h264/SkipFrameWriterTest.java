package dev.omnivibe.engine.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skip frames are checked by the real decoder: they must decode cleanly and copy the picture. */
class SkipFrameWriterTest {
  @TempDir Path dir;

  private byte[] encodeOnePicture(String... extra) throws Exception {
    Path out = dir.resolve("idr.h264");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=320x180:r=30",
                "-frames:v",
                "1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-bf",
                "0",
                "-g",
                "60",
                "-pix_fmt",
                "yuv420p"));
    args.addAll(List.of(extra));
    args.addAll(List.of("-f", "h264", out.toString()));
    TestFfmpeg.ffmpegOutput(args.toArray(String[]::new));
    return Files.readAllBytes(out);
  }

  @Test
  void repeatsThePictureBitExactAndDecodesWithoutErrors() throws Exception {
    SkipFrameWriter writer = SkipFrameWriter.forStill(AnnexB.parse(encodeOnePicture()));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    int frames = 150;
    int gop = 60;
    for (int f = 0; f < frames; f++) {
      if (f % gop == 0) {
        writer.idrAccessUnit().forEach(u -> stream.writeBytes(AnnexB.toBytes(List.of(u))));
      } else {
        stream.writeBytes(AnnexB.toBytes(List.of(writer.skipFrame(f % gop))));
      }
    }
    Path h264 = Files.write(dir.resolve("stream.h264"), stream.toByteArray());
    String md5s =
        new String(
            TestFfmpeg.ffmpegOutput(
                "-err_detect",
                "explode",
                "-xerror",
                "-f",
                "h264",
                "-framerate",
                "30",
                "-i",
                h264.toString(),
                "-f",
                "framemd5",
                "-"),
            StandardCharsets.UTF_8);
    List<String> hashes =
        md5s.lines()
            .filter(l -> !l.startsWith("#"))
            .map(l -> l.substring(l.lastIndexOf(',') + 1).trim())
            .toList();
    assertThat(hashes).hasSize(frames);
    assertThat(hashes).containsOnly(hashes.get(0));
    // a skip frame is tiny: one slice header and one run length
    assertThat(writer.skipFrame(1).bytes().length).isLessThan(16);
  }

  @Test
  void refusesCabacStreams() throws Exception {
    byte[] cabac = encodeOnePicture("-x264-params", "cabac=1", "-profile:v", "main");
    assertThatThrownBy(() -> SkipFrameWriter.forStill(AnnexB.parse(cabac)))
        .isInstanceOf(UnsupportedStreamException.class)
        .hasMessageContaining("CABAC");
  }

  @Test
  void parsesHighProfileParameterSets() throws Exception {
    byte[] high = encodeOnePicture("-x264-params", "cabac=0:8x8dct=1", "-profile:v", "high");
    NalUnit spsUnit =
        AnnexB.parse(high).stream().filter(u -> u.type() == NalUnit.SPS).findFirst().orElseThrow();
    Sps sps = Sps.parse(spsUnit);
    assertThat(sps.profileIdc()).isEqualTo(100);
    assertThat(sps.widthInMbs()).isEqualTo(20);
    assertThat(sps.heightInMapUnits()).isEqualTo(12);
    assertThat(SkipFrameWriter.forStill(AnnexB.parse(high)).skipFrame(3).type())
        .isEqualTo(NalUnit.SLICE);
  }
}
