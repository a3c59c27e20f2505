package dev.omnivibe.engine.monitor;

/** How a recorded operation ended. */
public enum Status {
  SUCCESS,
  ERROR
}
