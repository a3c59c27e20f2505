package dev.omnivibe.engine.estimate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates render time per encoder from measured renders (seconds of work per unique frame and per
 * output second). Before an encoder has history the estimate is a cautious default.
 */
public final class RenderEstimator {
  private final Map<String, EncoderModel> models = new ConcurrentHashMap<>();

  /** Adds a finished render of {@code encoder} that took {@code wallSeconds}. */
  public void learn(String encoder, Workload work, double wallSeconds) {
    if (encoder == null || !(wallSeconds > 0)) {
      return;
    }
    models.computeIfAbsent(encoder, k -> new EncoderModel()).learn(work, wallSeconds);
  }

  /** Estimated wall seconds of a render. */
  public double seconds(String encoder, Workload work) {
    EncoderModel m = encoder == null ? null : models.get(encoder);
    return (m == null ? new EncoderModel() : m).seconds(work);
  }

  /** Renders measured for {@code encoder}; 0 means the estimate is the default. */
  public int samples(String encoder) {
    EncoderModel m = models.get(encoder);
    return m == null ? 0 : m.samples();
  }
}
