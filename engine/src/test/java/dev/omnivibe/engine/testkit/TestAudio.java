package dev.omnivibe.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Measures what a render sounds like, with the real FFmpeg's volumedetect. */
public final class TestAudio {
  private TestAudio() {}

  /**
   * Mean volume in dBFS of the audio between two times (silence measures -91 dB).
   *
   * @param filters applied after the cut and before measuring, each ending in a comma; "" for none
   */
  public static double meanVolume(Path media, double from, double to, String filters)
      throws Exception {
    String log =
        TestFfmpeg.run(
            "-i",
            media.toString(),
            "-af",
            "atrim=" + from + ":" + to + "," + filters + "volumedetect",
            "-f",
            "null",
            "-");
    Matcher m = Pattern.compile("mean_volume: (-?[\\d.]+) dB").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
