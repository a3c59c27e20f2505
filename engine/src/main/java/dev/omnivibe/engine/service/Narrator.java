package dev.omnivibe.engine.service;

import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.SpokenSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.MediaException;
import dev.omnivibe.engine.payload.NarrationPayload;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import dev.omnivibe.engine.tts.Voice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Words to audio: checks what spoken slides ask of the speech engine and speaks a narration into a
 * WAV at its loudness. The one way words become audio, for the audio queue's narration jobs and for
 * {@code omnivibe render} alike.
 */
public final class Narrator {
  private final SpeechEngine speech;
  private final FfmpegTools tools;
  private final AudioInspector audio;

  public Narrator(SpeechEngine speech, FfmpegTools tools, AudioInspector audio) {
    this.speech = speech;
    this.tools = tools;
    this.audio = audio;
  }

  public String engineName() {
    return speech.name();
  }

  public List<Voice> voices() throws IOException, InterruptedException {
    return speech.voices();
  }

  /** What a spoken slide asks of the speech engine. */
  public static NarrationPayload payload(SpokenSlide s) {
    return new NarrationPayload(new SpeechRequest(s.text(), s.voice(), s.rate()), s.lufs());
  }

  /**
   * Checks what the spoken slides ask of the speech engine: empty or overlong text, an unknown
   * voice, a bad rate, or no speech engine at all, all reported together by slide.
   */
  public void check(List<SpokenSlide> spoken) throws InvalidDeckException {
    List<Problem> problems = new ArrayList<>();
    for (SpokenSlide s : spoken) {
      String at = "slides[" + s.slide() + "].";
      List<Voice> voices = voices(problems, at);
      if (voices == null) {
        continue; // no voices at all: the install message says so once per slide
      }
      for (Problem p : payload(s).speech().problems(at, voices)) {
        problems.add(
            p.field().endsWith("text") ? new Problem(at + "narrationText", p.message()) : p);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems.stream().distinct().toList());
    }
  }

  /**
   * @throws InvalidDeckException naming what the engine cannot speak
   */
  public void check(SpeechRequest request)
      throws InvalidDeckException, IOException, InterruptedException {
    List<Problem> problems = request.problems("", speech.voices());
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems);
    }
  }

  private List<Voice> voices(List<Problem> problems, String at) {
    try {
      return speech.voices();
    } catch (SpeechUnavailableException e) {
      problems.add(new Problem(at + "narrationText", e.getMessage()));
    } catch (IOException e) {
      problems.add(new Problem(at + "narrationText", "cannot list voices: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add(new Problem(at + "narrationText", "interrupted while listing voices"));
    }
    return null;
  }

  /** How long a spoken file plays. */
  public double seconds(Path file) throws MediaException {
    return audio.inspect(file).durationSeconds();
  }

  /**
   * The spoken words in {@code dir} (a file it returns), brought to the payload's loudness.
   *
   * @throws dev.omnivibe.engine.tts.SpeechFailedException when the speech engine refused the words
   * @throws MediaException when what it spoke cannot be read
   */
  public Path speak(NarrationPayload p, Path dir)
      throws IOException, InterruptedException, MediaException {
    Path spoken = speech.speak(p.speech(), dir.resolve("spoken.wav"));
    if (Double.isNaN(p.lufs())) {
      return spoken;
    }
    Path result = dir.resolve("narration.wav");
    Loudness.normalize(tools, spoken, audio.inspect(spoken).durationSeconds(), p.lufs(), result);
    return result;
  }
}
