package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.Quality;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the narration track so its cost follows the narration, not the video's length.
 *
 * <p>Every narration is padded with silence and cut at its slide's last sample, as one timeline.
 * Only the frames where narration plays (plus two silent frames either side) are AAC-encoded, each
 * region by its own encoder; the rest is one silent packet repeated. An AAC frame decodes from its
 * own packet and the one before, so joining at silent frames is exact, and dropping each region's
 * priming packet (which encodes silence) loses nothing. Mono narration stays mono.
 */
final class NarrationTrack {
  static final int FRAME = 1024;
  private static final int MARGIN = 2;

  private NarrationTrack() {}

  static AudioPlan plan(FfmpegTools tools, ResolvedDeck deck, Timeline timeline, Path work) {
    int sr = timeline.sampleRate();
    long totalSamples = timeline.sampleAt(timeline.totalFrames());
    long frames = (totalSamples + FRAME - 1) / FRAME;
    String layout = deck.audioChannels() == 1 ? "mono" : "stereo";
    String format = "aformat=sample_fmts=fltp:sample_rates=" + sr + ":channel_layouts=" + layout;
    List<String> args = new ArrayList<>(List.of(tools.ffmpeg().toString()));
    args.addAll(List.of(RenderPlanner.COMMON_FLAGS.split(" ")));
    List<String> graph = new ArrayList<>();
    List<long[]> spans = regions(deck, timeline, frames);
    List<AudioRegion> regions = new ArrayList<>();
    if (!spans.isEmpty()) {
      StringBuilder concat = new StringBuilder();
      int input = 0;
      for (int i = 0; i < deck.slides().size(); i++) {
        ResolvedSlide slide = deck.slides().get(i);
        long samples = timeline.samplesOf(i);
        if (slide.narration() != null) {
          args.addAll(List.of("-i", slide.narration().toString()));
          graph.add(
              "["
                  + input++
                  + ":a]aresample="
                  + sr
                  + ","
                  + format
                  + ",apad,atrim=end_sample="
                  + samples
                  + "[a"
                  + i
                  + "]");
        } else {
          graph.add(
              "anullsrc=r="
                  + sr
                  + ":cl="
                  + layout
                  + ",atrim=end_sample="
                  + samples
                  + "[a"
                  + i
                  + "]");
        }
        concat.append("[a").append(i).append(']');
      }
      StringBuilder split =
          new StringBuilder(
              concat + "concat=n=" + deck.slides().size() + ":v=0:a=1,apad,asplit=" + spans.size());
      for (int r = 0; r < spans.size(); r++) {
        split.append("[r").append(r).append(']');
      }
      graph.add(split.toString());
      for (int r = 0; r < spans.size(); r++) {
        long[] s = spans.get(r);
        graph.add(
            "[r"
                + r
                + "]atrim=start_sample="
                + s[0] * FRAME
                + ":end_sample="
                + s[1] * FRAME
                + ",asetpts=N/SR/TB[o"
                + r
                + "]");
        regions.add(new AudioRegion(s[0], s[1], work.resolve("audio-" + r + ".aac")));
      }
    }
    graph.add(
        "anullsrc=r=" + sr + ":cl=" + layout + ",atrim=end_sample=" + 8 * FRAME + "[silence]");
    Path script = work.resolve("audio-graph.txt");
    // FFmpeg 7 reads an option's value from a file with "-/"; 5.1 and 6 need the older option.
    args.addAll(tools.build().filterGraphFile(script));
    List<String> encode = encodeArgs(deck);
    for (int r = 0; r < regions.size(); r++) {
      args.addAll(List.of("-map", "[o" + r + "]"));
      args.addAll(encode);
      args.addAll(List.of("-f", "adts", regions.get(r).file().toString()));
    }
    Path silence = work.resolve("silence.aac");
    args.addAll(List.of("-map", "[silence]"));
    args.addAll(encode);
    args.addAll(List.of("-f", "adts", silence.toString()));
    long encoded = spans.stream().mapToLong(s -> s[1] - s[0]).sum();
    double weight = 2 + input(deck) * 2 + encoded * FRAME / (double) sr * 0.02;
    FfmpegStep step =
        new FfmpegStep(
            "audio", args, Map.of(script, String.join(";\n", graph)), weight, tools.environment());
    return new AudioPlan(step, regions, silence, frames, work.resolve("audio.aac"));
  }

  /**
   * Frame ranges that hold narration, widened by the margin and merged when they touch, so that
   * every join between a region and the silent filler lies in silence.
   */
  static List<long[]> regions(ResolvedDeck deck, Timeline timeline, long frames) {
    List<long[]> spans = new ArrayList<>();
    for (int i = 0; i < deck.slides().size(); i++) {
      ResolvedSlide slide = deck.slides().get(i);
      if (slide.narration() == null || slide.narrationSeconds() <= 0) {
        continue;
      }
      long start = timeline.sampleAt(timeline.spans().get(i).startFrame());
      long end =
          start
              + Math.min(
                  timeline.samplesOf(i),
                  Math.round(slide.narrationSeconds() * timeline.sampleRate()) + 1);
      long first = Math.max(0, start / FRAME - MARGIN);
      long last = Math.min(frames, (end + FRAME - 1) / FRAME + MARGIN);
      if (!spans.isEmpty() && first <= spans.get(spans.size() - 1)[1] + MARGIN) {
        spans.get(spans.size() - 1)[1] = Math.max(spans.get(spans.size() - 1)[1], last);
      } else {
        spans.add(new long[] {first, last});
      }
    }
    return spans;
  }

  private static List<String> encodeArgs(ResolvedDeck deck) {
    boolean mono = deck.audioChannels() == 1;
    String bitrate =
        switch (deck.output().quality()) {
          case DRAFT -> mono ? "64k" : "96k";
          case STANDARD -> mono ? "96k" : "160k";
          case HIGH -> mono ? "128k" : "256k";
        };
    // FFmpeg's two-loop AAC coder costs twice the time of its fast one, and on a render's
    // narration that is the critical path; at these bitrates the fast coder is transparent for
    // speech. High quality keeps the two-loop coder.
    String coder = deck.output().quality() == Quality.HIGH ? "twoloop" : "fast";
    return List.of("-c:a", "aac", "-aac_coder", coder, "-b:a", bitrate);
  }

  private static int input(ResolvedDeck deck) {
    return (int) deck.slides().stream().filter(s -> s.narration() != null).count();
  }
}
