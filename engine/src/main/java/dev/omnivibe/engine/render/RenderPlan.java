package dev.omnivibe.engine.render;

import java.util.List;

/**
 * Everything a render will run, decided before any process starts: the video batches, the audio
 * step, and the order in which segments join into the final stream.
 */
public record RenderPlan(
    Timeline timeline,
    EncoderProfile profile,
    int gopFrames,
    List<VideoBatch> batches,
    AudioPlan audio,
    boolean blended) {

  public RenderPlan {
    batches = List.copyOf(batches);
  }

  /** Segments of all batches in playback order. */
  public List<Segment> segments() {
    return batches.stream().flatMap(b -> b.segments().stream()).toList();
  }

  public double totalWeight() {
    return batches.stream().mapToDouble(b -> b.step().weight()).sum()
        + audio.step().weight()
        + muxWeight();
  }

  /** The final join copies every frame once; cheap per frame but not free for long videos. */
  public double muxWeight() {
    return 2 + timeline.totalFrames() * 0.002;
  }
}
