package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import java.util.ArrayList;
import java.util.List;

/**
 * The deck laid out in whole frames and audio samples.
 *
 * <p>Slide boundaries are rounded from the running total of durations rather than per slide, so
 * rounding never accumulates: the video is exactly {@code round(total * fps)} frames long and every
 * slide starts within half a frame of its exact time. Audio boundaries are derived from the same
 * frame boundaries, which keeps narration k starting on slide k's first frame.
 */
public record Timeline(FrameRate rate, int sampleRate, List<SlideSpan> spans) {
  public static final int SAMPLE_RATE = 48_000;

  public Timeline {
    spans = List.copyOf(spans);
  }

  public static Timeline of(ResolvedDeck deck) {
    FrameRate rate = deck.output().fps();
    List<SlideSpan> spans = new ArrayList<>();
    double elapsed = 0;
    for (ResolvedSlide slide : deck.slides()) {
      long start = rate.frameAt(elapsed);
      elapsed += slide.duration();
      long frames = Math.max(1, rate.frameAt(elapsed) - start);
      long transition = 0;
      if (!slide.transition().isCut()) {
        transition = Math.min(frames, Math.max(1, rate.frameAt(slide.transition().duration())));
      }
      spans.add(
          new SlideSpan(
              slide.index(),
              start,
              frames,
              transition,
              transition == 0 ? null : slide.transition().type()));
    }
    return new Timeline(rate, SAMPLE_RATE, spans);
  }

  public long totalFrames() {
    return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).endFrame();
  }

  public double durationSeconds() {
    return rate.secondsOf(totalFrames());
  }

  /** The audio sample at which a frame starts. */
  public long sampleAt(long frame) {
    return Math.round((double) frame * sampleRate * rate.denominator() / rate.numerator());
  }

  /** Number of audio samples slide {@code i} covers. */
  public long samplesOf(int i) {
    SlideSpan s = spans.get(i);
    return sampleAt(s.endFrame()) - sampleAt(s.startFrame());
  }
}
