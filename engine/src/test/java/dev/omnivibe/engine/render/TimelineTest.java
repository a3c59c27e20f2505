package dev.omnivibe.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.deck.Transition;
import dev.omnivibe.engine.deck.TransitionType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static ResolvedDeck deck(FrameRate rate, double... durations) {
    List<ResolvedSlide> slides = new ArrayList<>();
    for (int i = 0; i < durations.length; i++) {
      slides.add(
          new ResolvedSlide(
              i,
              Path.of("s" + i + ".png"),
              null,
              durations[i],
              new Transition(TransitionType.FADE, 0.5)));
    }
    return new ResolvedDeck(slides, new OutputSettings(320, 180, rate, Quality.STANDARD), 1);
  }

  @Test
  void boundariesComeFromTheRunningTotalSoRoundingNeverAccumulates() {
    double[] thirds = new double[30];
    java.util.Arrays.fill(thirds, 1.0 / 3 + 0.01);
    Timeline t = Timeline.of(deck(new FrameRate(30, 1), thirds));
    assertThat(t.totalFrames()).isEqualTo(Math.round(30 * (1.0 / 3 + 0.01) * 30));
    for (SlideSpan s : t.spans()) {
      double exactStart = s.index() * (1.0 / 3 + 0.01);
      assertThat(Math.abs(s.startFrame() / 30.0 - exactStart)).isLessThanOrEqualTo(0.5 / 30 + 1e-9);
    }
  }

  @Test
  void transitionTakesTheLastFramesOfItsSlide() {
    Timeline t = Timeline.of(deck(new FrameRate(30, 1), 5, 5));
    SlideSpan first = t.spans().get(0);
    assertThat(first.frames()).isEqualTo(150);
    assertThat(first.transitionFrames()).isEqualTo(15);
    assertThat(first.stillFrames()).isEqualTo(135);
    assertThat(t.spans().get(1).startFrame()).isEqualTo(150);
  }

  @Test
  void ntscRateKeepsAudioAndVideoOnTheSameBoundaries() {
    Timeline t = Timeline.of(deck(new FrameRate(30000, 1001), 2.5, 2.5, 2.5));
    assertThat(t.totalFrames()).isEqualTo(Math.round(7.5 * 30000 / 1001));
    long samples = 0;
    for (int i = 0; i < 3; i++) {
      assertThat(t.sampleAt(t.spans().get(i).startFrame())).isEqualTo(samples);
      samples += t.samplesOf(i);
    }
    assertThat(samples).isEqualTo(Math.round(t.totalFrames() * 48_000.0 * 1001 / 30000));
  }

  @Test
  void transitionNeverExceedsItsSlide() {
    ResolvedDeck d =
        new ResolvedDeck(
            List.of(
                new ResolvedSlide(
                    0, Path.of("a.png"), null, 0.1, new Transition(TransitionType.FADE, 0.1))),
            new OutputSettings(320, 180, new FrameRate(30, 1), Quality.DRAFT),
            1);
    SlideSpan s = Timeline.of(d).spans().get(0);
    assertThat(s.frames()).isEqualTo(3);
    assertThat(s.transitionFrames()).isEqualTo(3);
    assertThat(s.stillFrames()).isZero();
  }
}
