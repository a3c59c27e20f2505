package dev.omnivibe.engine.monitor;

import java.util.Map;

/** Where callers outside the engine (the HTTP API's timing) record what they timed. */
@FunctionalInterface
public interface Recorder {
  /**
   * Records one finished operation; {@code metadata} is kept with the most recent samples.
   *
   * @throws IllegalArgumentException for a negative or non-finite duration
   */
  void record(
      String name, String category, double durationMs, Status status, Map<String, ?> metadata);
}
