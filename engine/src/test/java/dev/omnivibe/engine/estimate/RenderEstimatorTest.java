package dev.omnivibe.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RenderEstimatorTest {
  @Test
  void withoutHistoryTheDefaultIsCautious() {
    RenderEstimator e = new RenderEstimator();
    Workload w = new Workload(100, 60);
    assertThat(e.samples("libx264")).isZero();
    assertThat(e.seconds("libx264", w))
        .isEqualTo(EncoderModel.DEFAULT_PER_FRAME * 100 + EncoderModel.DEFAULT_PER_SECOND * 60);
  }

  @Test
  void aFewRendersScaleTheDefault() {
    RenderEstimator e = new RenderEstimator();
    Workload w = new Workload(100, 60);
    double def = e.seconds("libx264", w);
    e.learn("libx264", w, def / 4);
    assertThat(e.seconds("libx264", w)).isCloseTo(def / 4, within(1e-9));
    assertThat(e.seconds("h264_nvenc", w)).isEqualTo(def);
  }

  @Test
  void historyRecoversPerFrameAndPerSecondCosts() {
    RenderEstimator e = new RenderEstimator();
    double perFrame = 0.02;
    double perSecond = 0.004;
    for (int i = 1; i <= 8; i++) {
      Workload w = new Workload(10L * i + (i % 3) * 40, 30.0 * (9 - i));
      e.learn("libx264", w, perFrame * w.uniqueFrames() + perSecond * w.outputSeconds());
    }
    Workload next = new Workload(500, 600);
    assertThat(e.seconds("libx264", next))
        .isCloseTo(perFrame * 500 + perSecond * 600, within(1e-6));
    assertThat(e.samples("libx264")).isEqualTo(8);
  }

  @Test
  void identicalRendersCannotSplitTheCostSoTheyScaleTheDefault() {
    RenderEstimator e = new RenderEstimator();
    Workload w = new Workload(10, 50);
    for (int i = 0; i < 5; i++) {
      e.learn("libx264", w, 0.7);
    }
    assertThat(e.seconds("libx264", w)).isCloseTo(0.7, within(1e-9));
    assertThat(e.seconds("libx264", new Workload(20, 100))).isCloseTo(1.4, within(1e-9));
  }

  @Test
  void aFixedCostAndLargerFramesAreToldApart() {
    RenderEstimator e = new RenderEstimator();
    double perMegapixelFrame = 0.004;
    double perSecond = 0.01;
    double fixed = 0.3;
    // The three shapes calibration renders: tiny, many large frames, long narrated output.
    Workload[] shapes = {
      new Workload(2, 2, 0.0576), new Workload(49, 6, 0.9216), new Workload(2, 16, 0.2304)
    };
    for (Workload w : shapes) {
      e.learn(
          "libx264",
          w,
          perMegapixelFrame * w.pixelFrames() + perSecond * w.outputSeconds() + fixed);
    }
    Workload fullHd = new Workload(145, 60, 2.0736);
    assertThat(e.seconds("libx264", fullHd))
        .isCloseTo(perMegapixelFrame * 145 * 2.0736 + perSecond * 60 + fixed, within(1e-6));
    // Frames of a larger output cost more: the same deck at 4K takes longer than at 1080p.
    assertThat(e.seconds("libx264", new Workload(145, 60, 8.2944)))
        .isGreaterThan(e.seconds("libx264", fullHd));
  }
}
