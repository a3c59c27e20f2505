package dev.omnivibe.engine.testkit;

import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechFailedException;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.Voice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in voice for machines without espeak-ng: real 22.05 kHz mono WAVs shaped like speech.
 * Each word is a run of voiced syllables (a 120-180 Hz buzz with harmonics under a rising and
 * falling envelope) followed by a pause, so the length follows the words and the rate as
 * espeak-ng's does, and loudness measurement and ducking have real speech-like dynamics to work on.
 */
public final class ToneVoice implements SpeechEngine {
  static final int RATE = 22050;
  private static final List<Voice> VOICES =
      List.of(
          new Voice("en-us", "English (America)", "en-us", "M"),
          new Voice("en-gb", "English (Great Britain)", "en-gb", "M"),
          new Voice("de", "German", "de", "M"),
          new Voice("fr-fr", "French (France)", "fr-fr", "M"));

  @Override
  public String name() {
    return "test voice";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<Voice> voices() {
    return VOICES;
  }

  @Override
  public Path speak(SpeechRequest request, Path wav) throws IOException {
    if (VOICES.stream().noneMatch(v -> v.id().equalsIgnoreCase(request.voice()))) {
      throw new SpeechFailedException("test voice: no voice " + request.voice());
    }
    String[] words = request.text().trim().split("\\s+");
    double secondsPerWord = 60.0 / request.rate();
    int pitch = 120 + Math.floorMod(request.voice().hashCode(), 60);
    ByteBuffer pcm = ByteBuffer.allocate(Math.toIntExact(samples(words, secondsPerWord) * 2));
    pcm.order(ByteOrder.LITTLE_ENDIAN);
    long t = 0;
    for (String word : words) {
      int syllables =
          Math.max(1, word.replaceAll("[^aeiouyAEIOUY]+", " ").trim().split(" ").length);
      long voiced = Math.round(secondsPerWord * 0.75 * RATE);
      for (long i = 0; i < voiced; i++) {
        double phase = (double) i / voiced * syllables;
        double envelope = Math.pow(Math.sin(Math.PI * (phase - Math.floor(phase))), 2);
        double s = 0;
        for (int h = 1; h <= 6; h++) {
          s += Math.sin(2 * Math.PI * pitch * h * (t + i) / RATE) / h;
        }
        pcm.putShort((short) Math.round(envelope * s * 9000));
      }
      long pause = Math.round(secondsPerWord * 0.25 * RATE);
      for (long i = 0; i < pause; i++) {
        pcm.putShort((short) 0);
      }
      t += voiced + pause;
    }
    Files.createDirectories(wav.toAbsolutePath().getParent());
    Files.write(wav, dev.omnivibe.engine.sample.SampleDeckWriter.wav(pcm.array(), RATE, 1));
    return wav;
  }

  private static long samples(String[] words, double secondsPerWord) {
    long perWord =
        Math.round(secondsPerWord * 0.75 * RATE) + Math.round(secondsPerWord * 0.25 * RATE);
    return perWord * words.length;
  }
}
