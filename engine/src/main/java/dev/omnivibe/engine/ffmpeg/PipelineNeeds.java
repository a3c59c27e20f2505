package dev.omnivibe.engine.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the render pipeline asks of an FFmpeg build, and how a build measures up: what it
 * lacks (it cannot be used) and what it does the older way (it can, with the older form).
 *
 * <p>The list follows the code that builds FFmpeg arguments: the planner's video graph, the
 * narration track, loudness and music, the decode check, the encoder probe and the mux.
 */
public final class PipelineNeeds {
  enum Kind {
    ENCODER("encoder", FfmpegBuild::encoders),
    DECODER("decoder", FfmpegBuild::decoders),
    FILTER("filter", FfmpegBuild::filters),
    MUXER("output format", FfmpegBuild::muxers),
    DEMUXER("input format", FfmpegBuild::demuxers);

    final String noun;
    final Function<FfmpegBuild, Set<String>> listed;

    Kind(String noun, Function<FfmpegBuild, Set<String>> listed) {
      this.noun = noun;
      this.listed = listed;
    }
  }

  /** One capability; any of {@code names} will do. */
  record Need(Kind kind, List<String> names, String purpose) {
    boolean metBy(FfmpegBuild build) {
      Set<String> listed = kind.listed.apply(build);
      return names.stream().anyMatch(listed::contains);
    }

    String describe() {
      return "the " + String.join("/", names) + " " + kind.noun + " (" + purpose + ")";
    }
  }

  /** How one build measures up; usable when nothing is missing. */
  public record Assessment(List<String> missing, List<String> olderForms) {
    public boolean usable() {
      return missing.isEmpty();
    }

    /** Usable as it is, with nothing done the older way. */
    public boolean complete() {
      return missing.isEmpty() && olderForms.isEmpty();
    }
  }

  static final List<Need> NEEDS = needs();

  private PipelineNeeds() {}

  private static List<Need> needs() {
    List<Need> n = new ArrayList<>();
    n.add(new Need(Kind.ENCODER, List.of("libx264"), "H.264, and the fallback of every render"));
    n.add(new Need(Kind.ENCODER, List.of("aac"), "the sound track"));
    n.add(new Need(Kind.ENCODER, List.of("pcm_s16le"), "narration brought to loudness"));
    n.add(new Need(Kind.ENCODER, List.of("png"), "poster frames"));
    decoder(n, "h264", "poster frames of renders");
    decoder(n, "png", "PNG slides");
    decoder(n, "mjpeg", "JPEG slides");
    decoder(n, "webp", "WebP slides");
    decoder(n, "pcm_s16le", "WAV narration");
    n.add(new Need(Kind.DECODER, List.of("mp3float", "mp3"), "MP3 narration"));
    decoder(n, "aac", "M4A narration");
    decoder(n, "flac", "FLAC narration");
    n.add(new Need(Kind.DECODER, List.of("vorbis", "libvorbis"), "Ogg narration"));
    for (String f :
        List.of(
            "scale", "pad", "setsar", "split", "loop", "settb", "setpts", "fps", "xfade", "trim",
            "color", "format")) {
      n.add(new Need(Kind.FILTER, List.of(f), "slides and transitions"));
    }
    for (String f :
        List.of(
            "aresample",
            "aformat",
            "apad",
            "atrim",
            "anullsrc",
            "concat",
            "asplit",
            "asetpts",
            "afade",
            "volume",
            "anull")) {
      n.add(new Need(Kind.FILTER, List.of(f), "the narration track"));
    }
    for (String f : List.of("loudnorm", "alimiter")) {
      n.add(new Need(Kind.FILTER, List.of(f), "narration loudness"));
    }
    for (String f : List.of("amix", "sidechaincompress", "anullsink")) {
      n.add(new Need(Kind.FILTER, List.of(f), "background music"));
    }
    for (String f : List.of("h264", "adts", "mp4", "wav", "null", "image2")) {
      n.add(new Need(Kind.MUXER, List.of(f), "render steps"));
    }
    for (String f : List.of("image2", "h264", "wav", "lavfi", "mp4")) {
      n.add(new Need(Kind.DEMUXER, List.of(f), "render steps"));
    }
    return List.copyOf(n);
  }

  private static void decoder(List<Need> n, String name, String purpose) {
    n.add(new Need(Kind.DECODER, List.of(name), purpose));
  }

  public static Assessment assess(FfmpegBuild build) {
    List<String> missing = new ArrayList<>();
    for (Need need : NEEDS) {
      if (!need.metBy(build)) {
        missing.add(need.describe());
      }
    }
    List<String> older = new ArrayList<>();
    if (!build.fileOptions()) {
      older.add("filter graphs go in with -filter_complex_script (no -/filter_complex before 7.0)");
    }
    return new Assessment(List.copyOf(missing), List.copyOf(older));
  }
}
