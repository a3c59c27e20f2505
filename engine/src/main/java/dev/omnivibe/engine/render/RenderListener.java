package dev.omnivibe.engine.render;

/** Receives progress of one render; called at most about ten times a second. */
@FunctionalInterface
public interface RenderListener {
  RenderListener NONE = p -> {};

  void progress(RenderProgress progress);
}
