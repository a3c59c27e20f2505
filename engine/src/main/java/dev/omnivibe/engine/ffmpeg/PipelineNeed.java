package dev.omnivibe.engine.ffmpeg;

import java.util.List;
import java.util.Set;

/** One capability; any of {@code names} will do. */
public record PipelineNeed(NeedKind kind, List<String> names, String purpose) {
  boolean metBy(FfmpegBuild build) {
    Set<String> listed = kind.listed.apply(build);
    return names.stream().anyMatch(listed::contains);
  }

  String describe() {
    return "the " + String.join("/", names) + " " + kind.noun + " (" + purpose + ")";
  }
}
