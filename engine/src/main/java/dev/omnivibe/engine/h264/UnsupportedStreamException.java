package dev.omnivibe.engine.h264;

/** The encoder's stream uses a feature the skip-frame writer does not handle; encode instead. */
public class UnsupportedStreamException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsupportedStreamException(String message) {
    super(message);
  }
}
