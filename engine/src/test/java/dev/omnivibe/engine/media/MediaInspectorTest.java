package dev.omnivibe.engine.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {
  @TempDir static Path dir;
  static byte[] png;
  static byte[] jpeg;
  final ImageInspector images = new ImageInspector();

  @BeforeAll
  static void images() throws Exception {
    var img = SampleDeckWriter.slide(0, 1, 64, 36);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    png = out.toByteArray();
    out.reset();
    ImageIO.write(img, "jpeg", out);
    jpeg = out.toByteArray();
  }

  @Test
  void readsSizesOfWholeImages() throws Exception {
    assertThat(images.inspect(write("ok.png", png))).isEqualTo(new ImageInfo("png", 64, 36));
    assertThat(images.inspect(write("ok.jpg", jpeg))).isEqualTo(new ImageInfo("jpeg", 64, 36));
    Path webp = dir.resolve("ok.webp");
    TestFfmpeg.ffmpegOutput("-y", "-i", write("src.png", png).toString(), webp.toString());
    assertThat(images.inspect(webp)).isEqualTo(new ImageInfo("webp", 64, 36));
  }

  @Test
  void truncatedPngIsCorrupt() throws Exception {
    Path p = write("cut.png", Arrays.copyOf(png, png.length / 2));
    assertThatThrownBy(() -> images.inspect(p))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("corrupt PNG");
  }

  @Test
  void flippedBytesInPngFailTheChecksum() throws Exception {
    byte[] bad = png.clone();
    bad[bad.length / 2] ^= 0x5a;
    Path p = write("flip.png", bad);
    assertThatThrownBy(() -> images.inspect(p)).hasMessageContaining("checksum mismatch");
  }

  @Test
  void truncatedJpegIsCorrupt() throws Exception {
    Path p = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length - 200));
    assertThatThrownBy(() -> images.inspect(p)).hasMessageContaining("corrupt JPEG");
  }

  @Test
  void otherFilesAreNamed() throws Exception {
    assertThatThrownBy(() -> images.inspect(write("notes.txt", "hello".getBytes())))
        .hasMessageContaining("not a PNG, JPEG or WebP image");
    assertThatThrownBy(() -> images.inspect(dir.resolve("missing.png")))
        .hasMessageContaining("file not found");
    assertThatThrownBy(() -> images.inspect(write("empty.png", new byte[0])))
        .hasMessageContaining("file is empty");
  }

  @Test
  void wavDurationComesFromTheHeaderExactly() throws Exception {
    AudioInspector audio = new AudioInspector(new Ffprobe(TestFfmpeg.real()));
    AudioInfo info = audio.inspect(write("t.wav", SampleDeckWriter.tone(0, 1.5, 22_050)));
    assertThat(info.durationSeconds()).isEqualTo(1.5);
    assertThat(info.channels()).isEqualTo(1);
  }

  @Test
  void truncatedWavIsCorrupt() throws Exception {
    AudioInspector audio = new AudioInspector(new Ffprobe(TestFfmpeg.real()));
    byte[] wav = SampleDeckWriter.tone(0, 1, 8_000);
    Path p = write("cut.wav", Arrays.copyOf(wav, wav.length - 1000));
    assertThatThrownBy(() -> audio.inspect(p))
        .hasMessageContaining("corrupt WAV")
        .hasMessageContaining("truncated");
  }

  @Test
  void compressedNarrationIsMeasuredByFfprobe() throws Exception {
    AudioInspector audio = new AudioInspector(new Ffprobe(TestFfmpeg.real()));
    Path wav = write("src.wav", SampleDeckWriter.tone(1, 2.0, 44_100));
    Path m4a = dir.resolve("n.m4a");
    TestFfmpeg.ffmpegOutput("-y", "-i", wav.toString(), "-c:a", "aac", m4a.toString());
    assertThat(audio.inspect(m4a).durationSeconds())
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
    byte[] broken = Files.readAllBytes(m4a);
    Path bad = write("bad.m4a", Arrays.copyOf(broken, 40));
    assertThatThrownBy(() -> audio.inspect(bad)).hasMessageContaining("corrupt or unreadable M4A");
  }

  private static Path write(String name, byte[] data) throws Exception {
    return Files.write(dir.resolve(name), data);
  }
}
