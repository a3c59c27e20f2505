package dev.omnivibe.engine.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosterFrameTest {
  @TempDir static Path dir;
  static Path video;
  static FfmpegTools tools;

  @BeforeAll
  static void video() throws Exception {
    tools = TestFfmpeg.real();
    video = dir.resolve("clip.mp4");
    TestFfmpeg.run(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=320x180:rate=10:duration=2",
        "-pix_fmt",
        "yuv420p",
        video.toString());
  }

  @Test
  void writesAScaledFrame() throws Exception {
    Path png = PosterFrame.grab(tools, video, 1.0, 160, dir.resolve("a/poster.png"));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(160);
    assertThat(img.getHeight()).isEqualTo(90);
  }

  @Test
  void aTimePastTheEndFallsBackToTheFirstFrame() throws Exception {
    Path png = PosterFrame.grab(tools, video, 99, 64, dir.resolve("b.png"));
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(64);
  }

  @Test
  void aFileThatIsNoVideoIsNamed() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
    assertThatThrownBy(() -> PosterFrame.grab(tools, text, 1, 64, dir.resolve("c.png")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("notes.mp4");
    assertThat(dir.resolve("c.png")).doesNotExist();
  }
}
