package dev.omnivibe.engine.tts;

/** No speech engine is installed; the message says how to install one. */
public class SpeechUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpeechUnavailableException(String message) {
    super(message);
  }
}
