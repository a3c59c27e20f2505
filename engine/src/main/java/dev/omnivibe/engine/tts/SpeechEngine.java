package dev.omnivibe.engine.tts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Local text to speech: the voices it has, and speaking a request into a WAV file. The engine
 * speaks through this seam only; {@link Espeak} is the one that ships, and tests run on a stand-in
 * where espeak-ng is not installed.
 */
public interface SpeechEngine {
  /** What to call it in messages, e.g. {@code espeak-ng}. */
  String name();

  /** False when it is not installed; {@link #voices()} then says how to install it. */
  boolean available();

  /**
   * The installed voices.
   *
   * @throws SpeechUnavailableException saying how to install it
   */
  List<Voice> voices() throws IOException, InterruptedException;

  /**
   * Speaks {@code request} into a WAV file and returns it.
   *
   * @throws SpeechFailedException when it ran and refused; running it again would fail the same way
   * @throws IOException when it could not be run or wrote no audio
   */
  Path speak(SpeechRequest request, Path wav) throws IOException, InterruptedException;
}
