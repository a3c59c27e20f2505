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
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner is pure: these tests need no FFmpeg. */
class RenderPlannerTest {
  private static final Path WORK = Path.of("/work");

  private static ResolvedDeck deck(int n, Transition transition, boolean narration) {
    List<ResolvedSlide> slides = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      slides.add(
          new ResolvedSlide(
              i,
              Path.of("/deck/s" + i + ".png"),
              narration ? Path.of("/deck/n" + i + ".wav") : null,
              4.0,
              transition));
    }
    return new ResolvedDeck(
        slides, new OutputSettings(640, 360, new FrameRate(25, 1), Quality.STANDARD), 1);
  }

  private static RenderPlan plan(ResolvedDeck deck, PlanOptions options) {
    return new RenderPlanner(Path.of("/bin/ffmpeg"), options, "/dev/dri/renderD128")
        .plan(deck, EncoderProfile.software(), WORK);
  }

  @Test
  void encodesOnePicturePerStillAndEveryTransitionFrame() {
    RenderPlan plan =
        plan(
            deck(4, new Transition(TransitionType.FADE, 0.4), false),
            new PlanOptions(2, 8, 5, true, false));
    List<Segment> segments = plan.segments();
    assertThat(segments)
        .extracting(Segment::kind)
        .containsExactly(
            Segment.Kind.STILL,
            Segment.Kind.TRANSITION,
            Segment.Kind.STILL,
            Segment.Kind.TRANSITION,
            Segment.Kind.STILL,
            Segment.Kind.TRANSITION,
            Segment.Kind.STILL,
            Segment.Kind.TRANSITION);
    assertThat(segments.get(0).frames()).isEqualTo(90);
    assertThat(segments.get(0).encodedFrames()).isEqualTo(1);
    assertThat(segments.get(1).encodedFrames()).isEqualTo(10);
    assertThat(segments.stream().mapToLong(Segment::frames).sum())
        .isEqualTo(plan.timeline().totalFrames());
    assertThat(plan.gopFrames()).isEqualTo(125);
  }

  @Test
  void withBlendingTheDecoderDrawsFadesAndNothingIsEncodedForThem() {
    RenderPlan plan =
        plan(
            deck(4, new Transition(TransitionType.FADE, 0.4), false),
            new PlanOptions(2, 8, 5, true, true));
    assertThat(plan.blended()).isTrue();

    List<Segment> segments = plan.segments();
    // the last slide fades into black, which the decoder cannot draw from two stills
    assertThat(segments)
        .extracting(Segment::kind)
        .containsExactly(
            Segment.Kind.STILL,
            Segment.Kind.FADE,
            Segment.Kind.STILL,
            Segment.Kind.FADE,
            Segment.Kind.STILL,
            Segment.Kind.FADE,
            Segment.Kind.STILL,
            Segment.Kind.TRANSITION);
    assertThat(segments.stream().mapToLong(Segment::encodedFrames).sum()).isEqualTo(4 + 10);
    assertThat(plan.batches().get(0).step().args()).contains("-bf", "1", "weightb=1:cabac=0");
    assertThat(plan.segments().stream().mapToLong(Segment::frames).sum())
        .isEqualTo(plan.timeline().totalFrames());
  }

  @Test
  void eachImageIsDecodedOncePerBatchAndBatchesSplitTheDeck() {
    RenderPlan plan =
        plan(
            deck(10, new Transition(TransitionType.WIPELEFT, 0.5), false),
            new PlanOptions(2, 8, 5, true, false));
    assertThat(plan.batches()).hasSize(2);
    VideoBatch first = plan.batches().get(0);
    // slides 0-4, plus slide 5's image for the transition out of slide 4
    assertThat(first.imageSlides()).hasSize(6);
    assertThat(Collections.frequency(first.step().args(), "-i")).isEqualTo(6);
    assertThat(first.step().args()).contains("-filter_complex").doesNotContain("sh", "-c");
    String graph = first.step().args().get(first.step().args().indexOf("-filter_complex") + 1);
    assertThat(graph).contains("xfade=transition=wipeleft").contains("split=3");
  }

  @Test
  void fadesAreIntraCodedButWipesAreNot() {
    RenderPlan fade =
        plan(
            deck(2, new Transition(TransitionType.FADE, 0.5), false),
            new PlanOptions(1, 8, 5, true, false));
    RenderPlan wipe =
        plan(
            deck(2, new Transition(TransitionType.WIPELEFT, 0.5), false),
            new PlanOptions(1, 8, 5, true, false));
    assertThat(fade.batches().get(0).step().args()).contains("-forced-idr");
    assertThat(wipe.batches().get(0).step().args()).doesNotContain("-forced-idr");
  }

  @Test
  void lastSlidesTransitionFadesToBlack() {
    RenderPlan plan =
        plan(
            deck(1, new Transition(TransitionType.FADE, 1), false),
            new PlanOptions(1, 8, 5, true, false));
    String graph =
        plan.batches()
            .get(0)
            .step()
            .args()
            .get(plan.batches().get(0).step().args().indexOf("-filter_complex") + 1);
    assertThat(graph).contains("color=c=black:s=640x360");
  }

  @Test
  void withoutSkipFramesEveryStillFrameIsEncoded() {
    RenderPlan plan = plan(deck(2, Transition.CUT, false), new PlanOptions(1, 8, 5, false, false));
    assertThat(plan.segments())
        .allSatisfy(s -> assertThat(s.encodedFrames()).isEqualTo(s.frames()));
  }

  @Test
  void audioPlacesEachNarrationAtItsSlideWithExactSampleCounts() {
    RenderPlan plan = plan(deck(3, Transition.CUT, true), PlanOptions.defaults());
    String graph = plan.audio().step().scripts().values().iterator().next();
    assertThat(graph)
        .contains("atrim=end_sample=192000")
        .contains("concat=n=3:v=0:a=1")
        .contains("channel_layouts=mono");
    assertThat(plan.audio().step().args()).contains("-c:a", "aac", "96k");
  }

  @Test
  void aBuildOlderThanSevenGetsTheFilterGraphFileTheOlderWay() {
    ResolvedDeck deck = deck(3, Transition.CUT, true);
    Path script = WORK.resolve("audio-graph.txt");
    assertThat(plan(deck, PlanOptions.defaults()).audio().step().args())
        .containsSubsequence("-/filter_complex", script.toString());
    var old =
        new dev.omnivibe.engine.ffmpeg.FfmpegBuild(
            "5.1.9-0+deb12u1",
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of(),
            false);
    var debian =
        new dev.omnivibe.engine.ffmpeg.FfmpegTools(
            Path.of("/usr/bin/ffmpeg"),
            Path.of("/usr/bin/ffprobe"),
            dev.omnivibe.engine.ffmpeg.FfmpegSource.PATH,
            old.version(),
            java.util.Map.of(),
            old,
            dev.omnivibe.engine.ffmpeg.FfmpegChoice.none(),
            List.of());
    List<String> args =
        new RenderPlanner(debian, PlanOptions.defaults(), "x")
            .plan(deck, EncoderProfile.software(), WORK)
            .audio()
            .step()
            .args();
    assertThat(args)
        .containsSubsequence("-filter_complex_script", script.toString())
        .doesNotContain("-/filter_complex");
  }

  @Test
  void batchRangesCoverEverySlideOnce() {
    RenderPlanner planner =
        new RenderPlanner(Path.of("ffmpeg"), new PlanOptions(2, 8, 5, true, false), "x");
    for (int n : new int[] {1, 2, 3, 17, 100}) {
      List<int[]> ranges = planner.batchRanges(n);
      int covered = 0;
      for (int[] r : ranges) {
        assertThat(r[0]).isEqualTo(covered);
        assertThat(r[1] - r[0]).isBetween(1, 8);
        covered = r[1];
      }
      assertThat(covered).isEqualTo(n);
    }
  }
}
