package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.render.RenderProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {

  @Test
  void showsPercentSpeedAndEta() {
    assertThat(TerminalProgressBar.render(new RenderProgress(50, 12.25, 75, "encoding libx264")))
        .isEqualTo("[###############---------------]  50.0%    12.3x  ETA 1:15  encoding libx264");
    assertThat(TerminalProgressBar.render(new RenderProgress(0, 0, Double.NaN, "starting")))
        .contains("ETA --:--");
    assertThat(TerminalProgressBar.clock(3725)).isEqualTo("1:02:05");
  }

  @Test
  void withoutATerminalPrintsALinePerTenPercent() {
    StringWriter out = new StringWriter();
    TerminalProgressBar bar = new TerminalProgressBar(new PrintWriter(out), false);
    for (int p = 0; p <= 100; p += 5) {
      bar.progress(new RenderProgress(p, 1, 1, "x"));
    }
    assertThat(out.toString().lines()).hasSize(11).noneMatch(l -> l.contains("\r"));
  }
}
