package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.OutputSettings;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.deck.TransitionType;
import dev.omnivibe.engine.ffmpeg.FfmpegSource;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a resolved deck into a {@link RenderPlan}. Pure: it only builds argument lists and scripts,
 * so it is tested without FFmpeg.
 *
 * <p>Cost follows unique content. Each slide image is decoded once per batch, its still is encoded
 * as one picture (the renderer repeats it with skip frames), and only transition frames are encoded
 * one by one. The narration track is built in a separate step that runs beside the video batches.
 */
public final class RenderPlanner {
  static final String COMMON_FLAGS = "-hide_banner -loglevel error -nostats -progress pipe:1 -y";
  private final FfmpegTools tools;
  private final PlanOptions options;
  private final String vaapiDevice;

  /**
   * @param tools the render's own FFmpeg: audio and mux steps, and video steps unless the encoder
   *     profile names another build
   */
  public RenderPlanner(FfmpegTools tools, PlanOptions options, String vaapiDevice) {
    this.tools = tools;
    this.options = options;
    this.vaapiDevice = vaapiDevice;
  }

  /** A planner for an FFmpeg taken on trust, for tests that only look at the arguments. */
  public RenderPlanner(Path ffmpeg, PlanOptions options, String vaapiDevice) {
    this(
        new FfmpegTools(ffmpeg, ffmpeg, FfmpegSource.OPTION, "assumed", Map.of()),
        options,
        vaapiDevice);
  }

  public RenderPlan plan(ResolvedDeck deck, EncoderProfile profile, Path workDir) {
    Timeline timeline = Timeline.of(deck);
    int gop = (int) Math.max(1, Math.round(options.keyframeSeconds() * timeline.rate().fps()));
    List<VideoBatch> batches = new ArrayList<>();
    for (int[] range : batchRanges(deck.slides().size())) {
      batches.add(batch(deck, timeline, profile, gop, range[0], range[1], workDir));
    }
    return new RenderPlan(
        timeline,
        profile,
        gop,
        batches,
        NarrationTrack.plan(tools, deck, timeline, workDir),
        blends(profile));
  }

  /** Contiguous slide ranges of near-equal size, at least {@code batches} of them. */
  List<int[]> batchRanges(int slides) {
    int count = Math.max(options.batches(), ceilDiv(slides, options.maxSlidesPerBatch()));
    count = Math.max(1, Math.min(count, slides));
    List<int[]> ranges = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      ranges.add(new int[] {b * slides / count, (b + 1) * slides / count});
    }
    return ranges;
  }

  private VideoBatch batch(
      ResolvedDeck deck,
      Timeline timeline,
      EncoderProfile profile,
      int gop,
      int from,
      int to,
      Path work) {
    OutputSettings out = deck.output();
    Map<Path, Integer> inputs = new LinkedHashMap<>();
    Map<Path, List<String>> uses = new LinkedHashMap<>();
    List<Segment> segments = new ArrayList<>();
    List<String> chains = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String rate = timeline.rate().ffmpeg();
    String timing =
        ",settb=expr="
            + timeline.rate().denominator()
            + "/"
            + timeline.rate().numerator()
            + ",setpts=N,fps="
            + rate;
    boolean blended = blends(profile);
    List<String> encode = profile.encodeArgs(out.quality(), timeline.rate(), gop, blended);
    for (int i = from; i < to; i++) {
      ResolvedSlide slide = deck.slides().get(i);
      SlideSpan span = timeline.spans().get(i);
      inputs.putIfAbsent(slide.image(), i);
      if (span.stillFrames() > 0) {
        long encoded = options.skipFrames() ? 1 : span.stillFrames();
        String label = "s" + i;
        String use = use(uses, slide.image(), label + "in");
        chains.add(
            "["
                + use
                + "]loop=loop="
                + (encoded - 1)
                + ":size=1"
                + timing
                + profile.uploadFilter()
                + "["
                + label
                + "]");
        Path file = work.resolve("still-" + i + ".h264");
        outputs.addAll(output(label, encoded, encode, file));
        segments.add(new Segment(Segment.Kind.STILL, i, file, span.stillFrames(), encoded));
      }
      if (span.hasTransition() && blended && decoderCanFade(timeline, i)) {
        segments.add(new Segment(Segment.Kind.FADE, i, null, span.transitionFrames(), 0));
      } else if (span.hasTransition()) {
        long t = span.transitionFrames();
        String label = "t" + i;
        String from0 = use(uses, slide.image(), label + "a");
        String into;
        boolean last = i + 1 >= deck.slides().size();
        if (last) {
          // The last slide's transition leads into black: a fade-out.
          chains.add(
              "color=c=black:s="
                  + out.width()
                  + "x"
                  + out.height()
                  + ":r="
                  + rate
                  + ",format=yuv420p["
                  + label
                  + "b]");
        } else {
          Path next = deck.slides().get(i + 1).image();
          inputs.putIfAbsent(next, i + 1);
          into = use(uses, next, label + "b0");
          chains.add("[" + into + "]loop=loop=" + t + ":size=1" + timing + "[" + label + "b]");
        }
        chains.add("[" + from0 + "]loop=loop=" + t + ":size=1" + timing + "[" + label + "a]");
        chains.add(
            "["
                + label
                + "a]["
                + label
                + "b]xfade=transition="
                + span.transition().xfadeName()
                + ":duration="
                + seconds(timeline.rate().secondsOf(t))
                + ":offset=0,trim=end_frame="
                + t
                + profile.uploadFilter()
                + "["
                + label
                + "]");
        Path file = work.resolve("transition-" + i + ".h264");
        List<String> transitionEncode = encode;
        // In a blended stream every encoded picture must be intra: only those are re-headed.
        if (blended || span.transition().changesEveryPixel()) {
          transitionEncode = new ArrayList<>(encode);
          transitionEncode.addAll(profile.everyFrameKeyframeArgs());
        }
        outputs.addAll(output(label, t, transitionEncode, file));
        segments.add(new Segment(Segment.Kind.TRANSITION, i, file, t, t));
      }
    }
    FfmpegTools video = profile.videoTools(tools);
    List<String> args = new ArrayList<>();
    args.add(video.ffmpeg().toString());
    args.addAll(List.of(COMMON_FLAGS.split(" ")));
    args.addAll(profile.deviceArgs(vaapiDevice));
    List<String> graph = new ArrayList<>();
    int index = 0;
    for (Path image : inputs.keySet()) {
      args.addAll(List.of("-i", image.toString()));
      graph.add(prepare(index++, image, uses.get(image), out));
    }
    graph.addAll(chains);
    args.addAll(List.of("-filter_complex", String.join(";", graph)));
    args.addAll(outputs);
    double weight = inputs.size() * 3.0 + segments.stream().mapToLong(Segment::encodedFrames).sum();
    FfmpegStep step =
        new FfmpegStep(
            "video " + from + "-" + (to - 1), args, Map.of(), weight, video.environment());
    return new VideoBatch(step, segments, inputs);
  }

  private boolean blends(EncoderProfile profile) {
    return options.skipFrames() && options.blendFades() && profile.blendsFades();
  }

  /**
   * A crossfade the decoder can draw: both stills are on screen for at least a frame (the fade
   * starts from a copy of one and ends on the other) and the implicit weights, derived from
   * order-count distances clipped to 127, stay exact.
   */
  private static boolean decoderCanFade(Timeline timeline, int i) {
    SlideSpan span = timeline.spans().get(i);
    if (span.transition() != TransitionType.FADE || i + 1 >= timeline.spans().size()) {
      return false;
    }
    return span.stillFrames() >= 1
        && timeline.spans().get(i + 1).stillFrames() >= 1
        && span.transitionFrames() <= 127;
  }

  /** Scales and letterboxes an image to the output size once, then splits it for each use. */
  private static String prepare(int input, Path image, List<String> labels, OutputSettings out) {
    String w = Integer.toString(out.width());
    String h = Integer.toString(out.height());
    String fit =
        "["
            + input
            + ":v]scale="
            + w
            + ":"
            + h
            + ":force_original_aspect_ratio=decrease"
            + ":force_divisible_by=2:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv420p"
            + ",pad="
            + w
            + ":"
            + h
            + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1";
    StringBuilder b = new StringBuilder(fit).append(",split=").append(labels.size());
    labels.forEach(l -> b.append('[').append(l).append(']'));
    return b.toString();
  }

  private static String use(Map<Path, List<String>> uses, Path image, String label) {
    uses.computeIfAbsent(image, k -> new ArrayList<>()).add(label);
    return label;
  }

  private static List<String> output(String label, long frames, List<String> encode, Path file) {
    List<String> o =
        new ArrayList<>(List.of("-map", "[" + label + "]", "-frames:v", Long.toString(frames)));
    o.addAll(encode);
    o.addAll(List.of("-f", "h264", file.toString()));
    return o;
  }

  /** The join: the assembled H.264 stream arrives on stdin; audio is copied, not re-encoded. */
  public List<String> muxArgs(RenderPlan plan, Path output) {
    List<String> args = new ArrayList<>();
    args.add(tools.ffmpeg().toString());
    args.addAll(List.of(COMMON_FLAGS.split(" ")));
    args.addAll(
        List.of("-f", "h264", "-framerate", plan.timeline().rate().ffmpeg(), "-i", "pipe:0"));
    args.addAll(
        List.of(
            "-i",
            plan.audio().track().toString(),
            "-map",
            "0:v:0",
            "-map",
            "1:a:0",
            "-c",
            "copy",
            "-video_track_timescale",
            Integer.toString(trackTimescale(plan.timeline().rate().numerator())),
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            output.toString()));
    return args;
  }

  /**
   * The rate's numerator as the track timescale, so a frame lasts exactly one tick (1001 for NTSC
   * rates). FFmpeg's default keeps the raw stream's microsecond timestamps (33333 per frame) and
   * breaks exact constant frame rate; at one tick per frame the microsecond rounding vanishes.
   */
  static int trackTimescale(int numerator) {
    return numerator;
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.6f", s);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
