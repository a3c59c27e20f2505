package dev.omnivibe.engine.render;

import dev.omnivibe.engine.platform.CancelToken;

/** The render was stopped on request; nothing was left at the output path. */
public class RenderCancelledException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderCancelledException(String reason) {
    super("render " + reason);
  }

  /** Throws when {@code cancel} was cancelled: the check between a render's steps. */
  static void throwIf(CancelToken cancel) throws RenderCancelledException {
    if (cancel.isCancelled()) {
      throw new RenderCancelledException(cancel.reason());
    }
  }
}
