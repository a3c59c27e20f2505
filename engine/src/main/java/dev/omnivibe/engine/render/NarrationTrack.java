package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the audio step: every narration padded with silence and cut at its slide's last sample, all
 * joined in one AAC encode that runs beside the video batches. Mono narration stays mono.
 */
final class NarrationTrack {
  private static final String COMMON_FLAGS = RenderPlanner.COMMON_FLAGS;

  private NarrationTrack() {}

  static FfmpegStep step(
      Path ffmpeg, ResolvedDeck deck, Timeline timeline, Path audioFile, Path work) {
    List<String> args = new ArrayList<>();
    args.add(ffmpeg.toString());
    args.addAll(List.of(COMMON_FLAGS.split(" ")));
    List<String> graph = new ArrayList<>();
    int sr = timeline.sampleRate();
    String layout = deck.audioChannels() == 1 ? "mono" : "stereo";
    String format = "aformat=sample_fmts=fltp:sample_rates=" + sr + ":channel_layouts=" + layout;
    int input = 0;
    boolean anyNarration = deck.slides().stream().anyMatch(s -> s.narration() != null);
    if (!anyNarration) {
      graph.add(
          "anullsrc=r="
              + sr
              + ":cl="
              + layout
              + ",atrim=end_sample="
              + timeline.sampleAt(timeline.totalFrames())
              + "[aout]");
    } else {
      StringBuilder concat = new StringBuilder();
      for (int i = 0; i < deck.slides().size(); i++) {
        ResolvedSlide slide = deck.slides().get(i);
        long samples = timeline.samplesOf(i);
        if (slide.narration() != null) {
          args.addAll(List.of("-i", slide.narration().toString()));
          // Pad with silence, then cut at the slide's last sample: narration k starts at slide k.
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
      graph.add(concat + "concat=n=" + deck.slides().size() + ":v=0:a=1[aout]");
    }
    Path script = work.resolve("audio-graph.txt");
    args.addAll(List.of("-/filter_complex", script.toString(), "-map", "[aout]"));
    boolean mono = deck.audioChannels() == 1;
    String bitrate =
        switch (deck.output().quality()) {
          case DRAFT -> mono ? "64k" : "96k";
          case STANDARD -> mono ? "96k" : "160k";
          case HIGH -> mono ? "128k" : "256k";
        };
    args.addAll(List.of("-c:a", "aac", "-b:a", bitrate, "-f", "mp4", audioFile.toString()));
    double weight = 2 + input * 2 + timeline.durationSeconds() * 0.02;
    return new FfmpegStep(
        "audio",
        args,
        Map.of(script, String.join(";\n", graph)),
        weight,
        timeline.durationSeconds());
  }
}
