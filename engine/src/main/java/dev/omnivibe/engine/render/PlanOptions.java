package dev.omnivibe.engine.render;

/**
 * Knobs of the planner.
 *
 * @param batches how many video batches to aim for (the parallelism)
 * @param maxSlidesPerBatch upper bound per batch, keeping command lines and memory small
 * @param keyframeSeconds distance between IDR pictures, which bounds seeking cost; between them a
 *     still is skip frames, which decode as plain copies, so 10 s seeks fast
 * @param skipFrames write repeated stills as skip frames (false: encode every frame)
 * @param blendFades let the decoder draw crossfades from the two pictures (needs skip frames and an
 *     encoder that {@link EncoderProfile#blendsFades()})
 */
public record PlanOptions(
    int batches,
    int maxSlidesPerBatch,
    double keyframeSeconds,
    boolean skipFrames,
    boolean blendFades) {

  public static PlanOptions defaults() {
    return new PlanOptions(
        Math.max(1, Runtime.getRuntime().availableProcessors()), 8, 10.0, true, true);
  }

  /** Without skip frames there is nothing for a fade to blend between either. */
  public PlanOptions withSkipFrames(boolean value) {
    return new PlanOptions(batches, maxSlidesPerBatch, keyframeSeconds, value, value && blendFades);
  }

  public PlanOptions withBlendFades(boolean value) {
    return new PlanOptions(batches, maxSlidesPerBatch, keyframeSeconds, skipFrames, value);
  }
}
