package dev.omnivibe.engine.ffmpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the render pipeline asks of an FFmpeg build, and how a build measures up: what it
 * lacks (it cannot be used) and what it does the older way (it can, with the older form).
 *
 * <p>The list follows the code that builds FFmpeg arguments: the planner's video graph, the
 * narration track, loudness and music, the decode check, the encoder probe and the mux.
 */
public final class PipelineNeeds {

  static final List<PipelineNeed> NEEDS = needs();

  private PipelineNeeds() {}

  private static List<PipelineNeed> needs() {
    List<PipelineNeed> n = new ArrayList<>();
    n.add(
        new PipelineNeed(
            NeedKind.ENCODER, List.of("libx264"), "H.264, and the fallback of every render"));
    n.add(new PipelineNeed(NeedKind.ENCODER, List.of("aac"), "the sound track"));
    n.add(
        new PipelineNeed(NeedKind.ENCODER, List.of("pcm_s16le"), "narration brought to loudness"));
    n.add(new PipelineNeed(NeedKind.ENCODER, List.of("png"), "poster frames"));
    decoder(n, "h264", "poster frames of renders");
    decoder(n, "png", "PNG slides");
    decoder(n, "mjpeg", "JPEG slides");
    decoder(n, "webp", "WebP slides");
    decoder(n, "pcm_s16le", "WAV narration");
    n.add(new PipelineNeed(NeedKind.DECODER, List.of("mp3float", "mp3"), "MP3 narration"));
    decoder(n, "aac", "M4A narration");
    decoder(n, "flac", "FLAC narration");
    n.add(new PipelineNeed(NeedKind.DECODER, List.of("vorbis", "libvorbis"), "Ogg narration"));
    for (String f :
        List.of(
            "scale", "pad", "setsar", "split", "loop", "settb", "setpts", "fps", "xfade", "trim",
            "color", "format")) {
      n.add(new PipelineNeed(NeedKind.FILTER, List.of(f), "slides and transitions"));
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
      n.add(new PipelineNeed(NeedKind.FILTER, List.of(f), "the narration track"));
    }
    for (String f : List.of("loudnorm", "alimiter")) {
      n.add(new PipelineNeed(NeedKind.FILTER, List.of(f), "narration loudness"));
    }
    for (String f : List.of("amix", "sidechaincompress", "anullsink")) {
      n.add(new PipelineNeed(NeedKind.FILTER, List.of(f), "background music"));
    }
    for (String f : List.of("h264", "adts", "mp4", "wav", "null", "image2")) {
      n.add(new PipelineNeed(NeedKind.MUXER, List.of(f), "render steps"));
    }
    for (String f : List.of("image2", "h264", "wav", "lavfi", "mp4")) {
      n.add(new PipelineNeed(NeedKind.DEMUXER, List.of(f), "render steps"));
    }
    return List.copyOf(n);
  }

  private static void decoder(List<PipelineNeed> n, String name, String purpose) {
    n.add(new PipelineNeed(NeedKind.DECODER, List.of(name), purpose));
  }

  public static NeedsAssessment assess(FfmpegBuild build) {
    List<String> missing = new ArrayList<>();
    for (PipelineNeed need : NEEDS) {
      if (!need.metBy(build)) {
        missing.add(need.describe());
      }
    }
    List<String> older = new ArrayList<>();
    if (!build.fileOptions()) {
      older.add("filter graphs go in with -filter_complex_script (no -/filter_complex before 7.0)");
    }
    return new NeedsAssessment(List.copyOf(missing), List.copyOf(older));
  }
}
