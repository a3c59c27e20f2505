package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.AudioSettings;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.PreparedDeck;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.RenderCancelledException;
import dev.omnivibe.engine.render.RenderFailedException;
import dev.omnivibe.engine.render.RenderListener;
import dev.omnivibe.engine.render.RenderProgress;
import dev.omnivibe.engine.render.RenderResult;
import dev.omnivibe.engine.render.Renderer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A prepared deck to a finished MP4, the same for the render queue and for {@code omnivibe render}:
 * narration brought to the audio block's loudness, the render, then the music mixed in.
 */
public final class RenderPipeline {
  private final Renderer renderer;
  private final FfmpegTools tools;

  public RenderPipeline(Renderer renderer, FfmpegTools tools) {
    this.renderer = renderer;
    this.tools = tools;
  }

  /**
   * @param work a folder of this render's own, removed afterwards
   */
  public RenderResult render(
      PreparedDeck prepared,
      Path output,
      EncoderProfile profile,
      RenderListener listener,
      CancelToken cancel,
      Path work)
      throws InvalidDeckException,
          RenderFailedException,
          RenderCancelledException,
          IOException,
          InterruptedException {
    AudioSettings audio = prepared.deck().audio();
    ResolvedDeck deck = prepared.resolved();
    try {
      if (audio.present()) {
        listener.progress(new RenderProgress(0, 0, Double.NaN, "narration loudness"));
        deck = AudioFinish.narration(tools, deck, audio.lufs(), work);
      }
      RenderResult r = renderer.render(deck, output, profile, listener, cancel);
      if (prepared.music() != null) {
        listener.progress(new RenderProgress(99, 0, Double.NaN, "music"));
        r = AudioFinish.music(tools, r, prepared.music(), audio, work);
      }
      return r;
    } finally {
      FileTrees.deleteQuietly(work);
    }
  }
}
