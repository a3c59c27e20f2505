package dev.omnivibe.engine.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-pass loudnorm on real audio, measured again afterwards by FFmpeg. */
class LoudnessTest {
  @TempDir Path dir;

  static Path tone(Path out, double volume) throws Exception {
    TestFfmpeg.run(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=3:sample_rate=48000",
        "-af",
        "volume=" + volume,
        "-ac",
        "1",
        out.toString());
    return out;
  }

  @Test
  void aQuietRecordingIsBroughtToTheTargetAndFadedAtBothEnds() throws Exception {
    FfmpegTools tools = TestFfmpeg.real();
    Path quiet = tone(dir.resolve("quiet.wav"), 0.02);
    LoudnessMeasurement before = Loudness.measure(tools, quiet, -16);
    assertThat(before.integrated()).isLessThan(-30);

    Path out = dir.resolve("loud.wav");
    Loudness.normalize(tools, quiet, 3.0, -16, out);
    LoudnessMeasurement after = Loudness.measure(tools, out, -16);
    assertThat(after.integrated()).isBetween(-17.0, -15.0);
    assertThat(after.truePeak()).isLessThanOrEqualTo(-1.0);

    // The first and last samples start from and end in silence (the fades), not mid-wave.
    short[] pcm;
    try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(out.toFile())) {
      assertThat(in.getFormat().getSampleRate()).isEqualTo(48000f);
      byte[] b = in.readAllBytes();
      pcm = new short[b.length / 2];
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
    }
    short first = pcm[0];
    short last = pcm[pcm.length - 1];
    int peak = 0;
    for (short v : pcm) {
      peak = Math.max(peak, Math.abs(v));
    }
    assertThat(peak).isGreaterThan(5000);
    assertThat(Math.abs(first)).isLessThan(200);
    assertThat(Math.abs(last)).isLessThan(200);
  }
}
