package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.MediaResolver;
import dev.omnivibe.engine.deck.PreparedDeck;
import dev.omnivibe.engine.deck.SpokenSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.media.MediaException;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.RenderCancelledException;
import dev.omnivibe.engine.render.RenderFailedException;
import dev.omnivibe.engine.render.RenderListener;
import dev.omnivibe.engine.render.RenderOptions;
import dev.omnivibe.engine.render.RenderProgress;
import dev.omnivibe.engine.render.RenderResult;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.service.Narrator;
import dev.omnivibe.engine.service.RenderPipeline;
import dev.omnivibe.engine.tts.Espeak;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deck rendered in this process, without a queue or a store ({@code omnivibe render}). It takes
 * the whole deck format, and does what the render queue does with the same code: the same
 * preparation, spoken slides voiced by the same narrator, loudness and music by the same pipeline.
 */
public final class DirectRender {
  private final Narrator narrator;
  private final DeckPreparation preparation;
  private final RenderPipeline pipeline;
  private final Path workRoot;

  public DirectRender(FfmpegTools tools, SpeechEngine speech, RenderOptions options) {
    AudioInspector audio = new AudioInspector(new Ffprobe(tools));
    this.narrator = new Narrator(speech, tools, audio);
    this.preparation = new DeckPreparation(new ImageInspector(), audio);
    this.pipeline = new RenderPipeline(new Renderer(tools, options), tools);
    this.workRoot = options.workRoot();
  }

  /**
   * With espeak-ng from {@code OMNIVIBE_ESPEAK} or {@code PATH}, temporary files in the system's.
   */
  public static DirectRender withDefaults(FfmpegTools tools) {
    return new DirectRender(tools, Espeak.locate(System.getenv()), RenderOptions.defaults());
  }

  /**
   * Checks the whole deck before anything runs (every file, the music, what the spoken slides ask
   * of the speech engine), then speaks, renders and finishes the audio.
   *
   * @throws InvalidDeckException naming every problem found before the render started
   * @throws RenderFailedException when speech or FFmpeg failed; the message says which
   */
  public RenderResult render(
      Deck deck, Path output, EncoderProfile profile, RenderListener listener, CancelToken cancel)
      throws InvalidDeckException,
          RenderFailedException,
          RenderCancelledException,
          IOException,
          InterruptedException {
    List<SpokenSlide> spoken = deck.spokenSlides();
    narrator.check(spoken);
    MediaResolver media = MediaResolver.relativeTo(deck.baseDir());
    PreparedDeck prepared = preparation.prepare(deck, media);
    Files.createDirectories(workRoot);
    Path work = Files.createTempDirectory(workRoot, "omnivibe-direct-");
    try {
      if (!spoken.isEmpty()) {
        // Spoken slides last as long as their speech: prepare again with the spoken files.
        Deck narrated = deck.withNarrations(speak(spoken, work, listener, cancel));
        prepared = preparation.prepare(narrated, media);
      }
      return pipeline.render(prepared, output, profile, listener, cancel, work.resolve("audio"));
    } finally {
      FileTrees.deleteQuietly(work);
    }
  }

  private Map<Integer, String> speak(
      List<SpokenSlide> spoken, Path work, RenderListener listener, CancelToken cancel)
      throws RenderFailedException, RenderCancelledException, IOException, InterruptedException {
    Map<Integer, String> files = new LinkedHashMap<>();
    for (SpokenSlide s : spoken) {
      if (cancel.isCancelled()) {
        throw new RenderCancelledException(cancel.reason());
      }
      int slide = s.slide() + 1;
      listener.progress(new RenderProgress(0, 0, Double.NaN, "speak slide " + slide));
      try {
        Path file = narrator.speak(Narrator.payload(s), work.resolve("slide-" + slide));
        files.put(s.slide(), file.toAbsolutePath().toString());
      } catch (MediaException | SpeechUnavailableException | IOException e) {
        // The words were checked, so this is the speech engine or the disk failing.
        throw new RenderFailedException(
            "cannot speak slide " + slide + ": " + e.getMessage(), false, e);
      }
    }
    return files;
  }
}
