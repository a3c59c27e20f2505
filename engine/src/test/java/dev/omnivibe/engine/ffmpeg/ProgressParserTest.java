package dev.omnivibe.engine.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

  @Test
  void parsesCapturedRealOutput() throws IOException {
    // Captured from: ffmpeg -nostats -progress pipe:1 -f lavfi -i testsrc2=...:d=2 -c:v libx264 ...
    List<ProgressSnapshot> snaps = new ArrayList<>();
    ProgressParser parser = new ProgressParser(snaps::add);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/progress-ffmpeg-8.1.txt")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(parser::accept);
    }
    assertThat(snaps).isNotEmpty();
    ProgressSnapshot last = snaps.get(snaps.size() - 1);
    assertThat(last.end()).isTrue();
    assertThat(last.frame()).isEqualTo(60);
    assertThat(last.outTimeMicros()).isBetween(1_900_000L, 2_100_000L);
    assertThat(last.speed()).isPositive();
    assertThat(snaps.subList(0, snaps.size() - 1)).noneMatch(ProgressSnapshot::end);
  }

  @Test
  void keepsEarlierValuesWhenFfmpegPrintsNa() {
    List<ProgressSnapshot> snaps = new ArrayList<>();
    ProgressParser p = new ProgressParser(snaps::add);
    for (String line :
        List.of(
            "frame=10",
            "out_time_us=500000",
            "speed=2.5x",
            "progress=continue",
            "frame=20",
            "out_time_us=N/A",
            "speed=N/A",
            "progress=end")) {
      p.accept(line);
    }
    assertThat(snaps)
        .containsExactly(
            new ProgressSnapshot(10, 500_000, 2.5, false),
            new ProgressSnapshot(20, 500_000, 2.5, true));
  }
}
