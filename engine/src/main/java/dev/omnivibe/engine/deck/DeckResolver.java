package dev.omnivibe.engine.deck;

import dev.omnivibe.engine.media.AudioInfo;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.media.MediaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Checks a deck against its media before anything renders: every file exists and is whole,
 * narration lengths are measured, and each slide gets its final duration. All problems are reported
 * together, each naming its field.
 */
public final class DeckResolver {
  private final ImageInspector images;
  private final AudioInspector audio;

  public DeckResolver(ImageInspector images, AudioInspector audio) {
    this.images = images;
    this.audio = audio;
  }

  public ResolvedDeck resolve(Deck deck, MediaResolver media) throws InvalidDeckException {
    List<Problem> problems = new ArrayList<>(DeckRules.check(deck));
    if (deck.slides().isEmpty() || deck.slides().size() > DeckRules.MAX_SLIDES) {
      throw new InvalidDeckException(problems);
    }
    Map<Path, Object> inspected = new ConcurrentHashMap<>();
    List<SlideOutcome> outcomes =
        IntStream.range(0, deck.slides().size())
            .parallel()
            .mapToObj(i -> resolveSlide(i, deck.slides().get(i), media, inspected, deck.output()))
            .toList();
    double total = 0;
    for (SlideOutcome outcome : outcomes) {
      problems.addAll(outcome.problems);
      total += outcome.slide == null ? 0 : outcome.slide.duration();
    }
    if (total > DeckRules.MAX_DECK_SECONDS && problems.isEmpty()) {
      problems.add(
          new Problem(
              "slides",
              "total duration " + total + " s is more than " + DeckRules.MAX_DECK_SECONDS + " s"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems.stream().distinct().toList());
    }
    int channels = outcomes.stream().mapToInt(SlideOutcome::channels).max().orElse(1);
    return new ResolvedDeck(
        outcomes.stream().map(SlideOutcome::slide).toList(), deck.output(), Math.min(2, channels));
  }

  private SlideOutcome resolveSlide(
      int index, Slide slide, MediaResolver media, Map<Path, Object> cache, OutputSettings output) {
    String path = "slides[" + index + "]";
    List<Problem> problems = new ArrayList<>();
    Path image = file(slide.image(), path + ".image", media, problems);
    if (image != null) {
      check(cache, image, true, path + ".image", problems);
    }
    Path narration = null;
    double narrationSeconds = 0;
    int channels = 1;
    if (slide.hasNarration()) {
      narration = file(slide.narration(), path + ".narration", media, problems);
      if (narration != null) {
        Object info = check(cache, narration, false, path + ".narration", problems);
        if (info instanceof AudioInfo a) {
          narrationSeconds = a.durationSeconds();
          channels = a.channels();
        }
      }
    }
    double duration = durationOf(slide, narration, narrationSeconds, path, output, problems);
    ResolvedSlide resolved =
        problems.isEmpty()
            ? new ResolvedSlide(
                index,
                image,
                narration,
                duration,
                slide.transition(),
                Math.min(duration, narrationSeconds))
            : null;
    return new SlideOutcome(resolved, problems, channels);
  }

  private static double durationOf(
      Slide slide,
      Path narration,
      double narrationSeconds,
      String path,
      OutputSettings output,
      List<Problem> problems) {
    double frame = 1.0 / output.fps().fps();
    double duration;
    if (slide.duration() != null) {
      duration = slide.duration();
      if (narration != null && narrationSeconds > duration + frame) {
        problems.add(
            new Problem(
                path + ".duration",
                String.format(
                    java.util.Locale.ROOT,
                    "%.3f s is shorter than its narration (%.3f s); lengthen it or leave it out to follow the narration",
                    duration,
                    narrationSeconds)));
      }
    } else {
      duration = narrationSeconds + slide.padding();
    }
    if (duration > 0 && duration < frame / 2) {
      problems.add(
          new Problem(path + ".duration", "shorter than one frame at " + output.fps() + " fps"));
    }
    if (duration > DeckRules.MAX_SLIDE_SECONDS) {
      problems.add(
          new Problem(
              path + ".duration",
              duration + " s is more than the limit of " + DeckRules.MAX_SLIDE_SECONDS + " s"));
    }
    Transition t = slide.transition();
    if (slide.duration() == null && !t.isCut() && narration != null && t.duration() > duration) {
      problems.add(
          new Problem(
              path + ".transition.duration",
              t.duration() + " s is longer than the slide (" + duration + " s)"));
    }
    return duration;
  }

  private static Path file(String ref, String field, MediaResolver media, List<Problem> problems) {
    if (ref == null) {
      return null; // already reported as missing by the reader
    }
    try {
      return media.resolve(ref);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, e.getMessage()));
      return null;
    }
  }

  private Object check(
      Map<Path, Object> cache, Path file, boolean image, String field, List<Problem> problems) {
    Object result =
        cache.computeIfAbsent(
            file,
            f -> {
              try {
                return image ? images.inspect(f) : audio.inspect(f);
              } catch (MediaException e) {
                return e;
              }
            });
    if (result instanceof MediaException e) {
      String msg = e.getMessage();
      problems.add(new Problem(field, msg.contains(file.toString()) ? msg : msg + ": " + file));
      return null;
    }
    return result;
  }

  private record SlideOutcome(ResolvedSlide slide, List<Problem> problems, int channels) {}
}
