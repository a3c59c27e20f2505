package dev.omnivibe.engine.render;

/** The render was stopped on request; nothing was left at the output path. */
public class RenderCancelledException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderCancelledException(String reason) {
    super("render " + reason);
  }
}
