package dev.omnivibe.engine.render;

/**
 * The render failed for a reason outside the deck (FFmpeg error, full disk, encoder fault).
 *
 * @see #encoderFault() whether a retry on another encoder may succeed
 */
public class RenderFailedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean encoderFault;

  public RenderFailedException(String message, boolean encoderFault, Throwable cause) {
    super(message, cause);
    this.encoderFault = encoderFault;
  }

  public boolean encoderFault() {
    return encoderFault;
  }
}
