package dev.omnivibe.engine.deck;

import java.util.ArrayList;
import java.util.List;

/**
 * Value rules that need no media files: counts, durations, transitions and output limits.
 *
 * <p>Limits exist so an absurd request fails at once with its field named, instead of tying up the
 * machine: a slide lasts at most {@value #MAX_SLIDE_SECONDS} s, a deck at most {@value
 * #MAX_DECK_SECONDS} s and {@value #MAX_SLIDES} slides.
 */
public final class DeckRules {
  public static final int MAX_SLIDES = 10_000;
  public static final double MAX_SLIDE_SECONDS = 3_600;
  public static final double MAX_DECK_SECONDS = 24 * 3_600;

  private DeckRules() {}

  public static List<Problem> check(Deck deck) {
    List<Problem> problems = new ArrayList<>();
    int count = deck.slides().size();
    if (count == 0) {
      problems.add(new Problem("slides", "empty: a deck needs at least one slide"));
    } else if (count > MAX_SLIDES) {
      problems.add(
          new Problem("slides", count + " slides is more than the limit of " + MAX_SLIDES));
      return problems; // per-slide messages for a runaway deck would bury the real problem
    }
    double total = 0;
    for (int i = 0; i < count; i++) {
      Slide slide = deck.slides().get(i);
      String path = "slides[" + i + "]";
      checkSlide(slide, path, problems);
      if (slide.duration() != null && Double.isFinite(slide.duration())) {
        total += slide.duration();
      }
    }
    if (total > MAX_DECK_SECONDS) {
      problems.add(
          new Problem(
              "slides", "total duration " + total + " s is more than " + MAX_DECK_SECONDS + " s"));
    }
    checkOutput(deck.output(), problems);
    return problems;
  }

  private static void checkSlide(Slide slide, String path, List<Problem> problems) {
    if (slide.duration() == null) {
      if (!slide.hasNarration() && !slide.isSpoken()) {
        problems.add(new Problem(path + ".duration", "missing: give a duration or a narration"));
      }
    } else {
      seconds(slide.duration(), path + ".duration", false, problems);
    }
    seconds(slide.padding(), path + ".padding", true, problems);
    if (slide.padding() != 0 && slide.duration() != null) {
      problems.add(
          new Problem(path + ".padding", "only applies when the duration follows the narration"));
    }
    Transition t = slide.transition();
    if (t.type() != TransitionType.CUT) {
      String tPath = path + ".transition.duration";
      if (seconds(t.duration(), tPath, false, problems)
          && slide.duration() != null
          && t.duration() > slide.duration()) {
        problems.add(
            new Problem(
                tPath, t.duration() + " s is longer than the slide (" + slide.duration() + " s)"));
      }
    }
  }

  /** Checks a time value and reports whether it was usable. */
  static boolean seconds(double value, String path, boolean zeroAllowed, List<Problem> problems) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      problems.add(new Problem(path, "must be a finite number of seconds, got " + value));
      return false;
    }
    if (value < 0 || (!zeroAllowed && value == 0)) {
      problems.add(
          new Problem(
              path,
              "must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", got " + value));
      return false;
    }
    if (value > MAX_SLIDE_SECONDS) {
      problems.add(
          new Problem(path, value + " s is more than the limit of " + MAX_SLIDE_SECONDS + " s"));
      return false;
    }
    return true;
  }

  private static void checkOutput(OutputSettings out, List<Problem> problems) {
    side(out.width(), "output.width", OutputSettings.MAX_WIDTH, problems);
    side(out.height(), "output.height", OutputSettings.MAX_HEIGHT, problems);
  }

  private static void side(int value, String path, int max, List<Problem> problems) {
    if (value < OutputSettings.MIN_SIDE || value > max) {
      problems.add(
          new Problem(
              path, value + " is outside " + OutputSettings.MIN_SIDE + "-" + max + " pixels"));
    } else if (value % 2 != 0) {
      problems.add(new Problem(path, value + " is odd; H.264 in yuv420p needs even dimensions"));
    }
  }
}
