package dev.omnivibe.engine.service;

import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.audio.MusicBed;
import dev.omnivibe.engine.deck.AudioSettings;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.render.RenderResult;
import dev.omnivibe.engine.render.StepSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code "audio"} block's work around a render: narration loudness before, music after. */
public final class AudioFinish {
  private AudioFinish() {}

  /**
   * The deck with every narration brought to {@code lufs} (NaN: level kept) and faded at its edges;
   * a file used on several slides is processed once.
   */
  public static ResolvedDeck narration(FfmpegTools tools, ResolvedDeck deck, double lufs, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Map<Path, Path> done = new HashMap<>();
    List<ResolvedSlide> out = new ArrayList<>();
    for (ResolvedSlide s : deck.slides()) {
      if (s.narration() == null) {
        out.add(s);
        continue;
      }
      Path fixed = done.get(s.narration());
      if (fixed == null) {
        fixed = dir.resolve("narration-" + done.size() + ".wav");
        Loudness.normalize(tools, s.narration(), s.narrationSeconds(), lufs, fixed);
        done.put(s.narration(), fixed);
      }
      out.add(
          new ResolvedSlide(
              s.index(), s.image(), fixed, s.duration(), s.transition(), s.narrationSeconds()));
    }
    return new ResolvedDeck(out, deck.output(), 1);
  }

  /** Mixes the music under a finished render, replacing its file; returns the updated result. */
  public static RenderResult music(
      FfmpegTools tools, RenderResult r, Path music, AudioSettings audio, Path dir)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Files.createDirectories(dir);
    Path mixed = dir.resolve("with-music.mp4");
    MusicBed.mix(
        tools, r.output(), music, audio.musicVolume(), audio.duck(), r.videoSeconds(), mixed);
    Files.move(mixed, r.output(), StandardCopyOption.REPLACE_EXISTING);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Map<String, Duration> steps = new HashMap<>(r.stepTimes());
    steps.put("music", took);
    List<StepSpan> timeline = new ArrayList<>(r.timeline());
    long from = r.wallTime().toMillis();
    timeline.add(new StepSpan("music", from, from + took.toMillis()));
    return new RenderResult(
        r.output(),
        r.encoder(),
        r.fallbackReason(),
        r.frames(),
        r.videoSeconds(),
        Files.size(r.output()),
        r.wallTime().plus(took),
        steps,
        r.ffmpeg(),
        timeline);
  }
}
