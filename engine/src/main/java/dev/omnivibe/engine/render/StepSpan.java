package dev.omnivibe.engine.render;

/**
 * When one step of a render ran, in milliseconds from the render's start. Gaps between spans are
 * time the render spent outside FFmpeg (planning, checking, writing).
 */
public record StepSpan(String step, long startMillis, long endMillis) {
  public long millis() {
    return endMillis - startMillis;
  }
}
