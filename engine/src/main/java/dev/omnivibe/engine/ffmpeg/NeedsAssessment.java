package dev.omnivibe.engine.ffmpeg;

import java.util.List;

/** How one build measures up; usable when nothing is missing. */
public record NeedsAssessment(List<String> missing, List<String> olderForms) {
  public boolean usable() {
    return missing.isEmpty();
  }

  /** Usable as it is, with nothing done the older way. */
  public boolean complete() {
    return missing.isEmpty() && olderForms.isEmpty();
  }
}
