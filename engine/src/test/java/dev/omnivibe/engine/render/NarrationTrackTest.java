package dev.omnivibe.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.deck.FrameRate;
import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.deck.Transition;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrationTrackTest {
  @TempDir Path dir;

  private static ResolvedDeck deck(double[] durations, double[] narration) {
    List<ResolvedSlide> slides = new java.util.ArrayList<>();
    for (int i = 0; i < durations.length; i++) {
      slides.add(
          new ResolvedSlide(
              i,
              Path.of("s.png"),
              narration[i] > 0 ? Path.of("n.wav") : null,
              durations[i],
              Transition.CUT,
              narration[i]));
    }
    return new ResolvedDeck(
        slides, new OutputSettings(320, 180, new FrameRate(30, 1), Quality.STANDARD), 1);
  }

  @Test
  void onlyNarratedFramesAreEncodedWithSilentMarginsAndTouchingRegionsMerge() {
    ResolvedDeck d = deck(new double[] {60, 60, 1, 60}, new double[] {5, 0, 1, 2});
    Timeline t = Timeline.of(d);
    long frames = (t.sampleAt(t.totalFrames()) + 1023) / 1024;
    List<long[]> regions = NarrationTrack.regions(d, t, frames);
    assertThat(regions).hasSize(2);
    assertThat(regions.get(0)).containsExactly(0, (5 * 48_000 + 1 + 1023) / 1024 + 2);
    // slide 2 (1 s at 120 s) and slide 3 (2 s at 121 s) touch: one region
    long start2 = 120L * 48_000 / 1024 - 2;
    assertThat(regions.get(1)[0]).isEqualTo(start2);
    assertThat(regions.get(1)[1]).isEqualTo((121L * 48_000 + 2 * 48_000 + 1 + 1023) / 1024 + 2);
    long encoded = regions.stream().mapToLong(r -> r[1] - r[0]).sum();
    assertThat(encoded).isLessThan(frames / 20);
  }

  @Test
  void splicedTrackDecodesCleanlyToTheExactLength() throws Exception {
    ResolvedDeck deck = TestDecks.resolve(TestDecks.tiny(dir.resolve("deck"), 3, 4.0, 0.5, null));
    Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
    AudioPlan plan = NarrationTrack.plan(TestFfmpeg.real(), deck, Timeline.of(deck), work);
    assertThat(plan.regions()).hasSize(3);
    plan.step()
        .scripts()
        .forEach(
            (p, s) -> {
              try {
                java.nio.file.Files.writeString(p, s);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    List<String> args = plan.step().args();
    TestFfmpeg.ffmpegOutput(
        args.subList(1, args.size()).stream()
            .filter(a -> !a.equals("-progress") && !a.equals("pipe:1"))
            .toArray(String[]::new));
    AdtsSplicer.write(plan);
    byte[] raw =
        TestFfmpeg.ffmpegOutput(
            "-err_detect",
            "explode",
            "-xerror",
            "-i",
            plan.track().toString(),
            "-f",
            "s16le",
            "-ac",
            "1",
            "-");
    short[] pcm = new short[raw.length / 2];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
    assertThat(pcm.length).isEqualTo(plan.frames() * 1024);
    // sound at each slide start, silence in the unencoded stretches between
    for (int s = 0; s < 3; s++) {
      int start = s * 4 * 48_000;
      assertThat(peak(pcm, start, start + 24_000)).isGreaterThan(3_000);
      assertThat(peak(pcm, start + 60_000, start + 180_000)).isZero();
    }
  }

  private static int peak(short[] pcm, int from, int to) {
    int p = 0;
    for (int i = from; i < to; i++) {
      p = Math.max(p, Math.abs(pcm[i]));
    }
    return p;
  }
}
