package dev.omnivibe.engine.tts;

import java.io.IOException;

/**
 * espeak-ng ran and refused (bad voice data, text it cannot speak); running it again would fail the
 * same way, so a job does not retry it.
 */
public class SpeechFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  public SpeechFailedException(String message) {
    super(message);
  }
}
