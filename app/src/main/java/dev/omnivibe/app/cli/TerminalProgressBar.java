package dev.omnivibe.app.cli;

import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.render.RenderProgress;
import dev.omnivibe.engine.render.RenderResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * A one-line progress bar ({@code [#####-----] 45% 12.3x ETA 0:04}) redrawn in place on a terminal;
 * when output is not a terminal it prints a line per 10 % instead of control codes.
 */
final class TerminalProgressBar implements ProgressPrinter {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean interactive;
  private int lastDecile = -1;

  TerminalProgressBar(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  static TerminalProgressBar forTerminal(PrintWriter err) {
    return new TerminalProgressBar(err, System.console() != null);
  }

  @Override
  public synchronized void progress(RenderProgress p) {
    String line = render(p);
    if (interactive) {
      err.print("\r" + line + "\033[K");
      err.flush();
    } else if ((int) (p.percent() / 10) > lastDecile) {
      lastDecile = (int) (p.percent() / 10);
      err.println(line);
      err.flush();
    }
  }

  static String render(RenderProgress p) {
    int filled = (int) Math.round(p.percent() / 100 * WIDTH);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String eta = Double.isNaN(p.etaSeconds()) ? "--:--" : clock(p.etaSeconds());
    return String.format(
        Locale.ROOT,
        "[%s] %5.1f%%  %6.1fx  ETA %s  %s",
        bar,
        p.percent(),
        p.speed(),
        eta,
        p.phase());
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public int done(RenderResult r, String ffmpegChoice, Map<String, Long> phases) {
    endLine();
    err.printf(
        Locale.ROOT,
        "Rendered %s: %.2f s of video, %d frames, %s, %.1f MB in %.2f s (%.1fx real time)%n",
        r.output(),
        r.videoSeconds(),
        r.frames(),
        r.encoder(),
        r.bytes() / 1e6,
        r.wallTime().toMillis() / 1e3,
        r.speed());
    err.println("FFmpeg: " + r.ffmpeg());
    if (ffmpegChoice.contains("; ")) {
      // Only when there was a choice to make: several candidates, or one passed over.
      err.println("why: " + ffmpegChoice);
    }
    if (r.fallbackReason() != null) {
      err.println("note: " + r.fallbackReason());
    }
    err.flush();
    return ExitCodes.OK;
  }

  @Override
  public int badInput(Problem... problems) {
    endLine();
    for (Problem p : problems) {
      err.println("error: " + p);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int failed(String message) {
    endLine();
    err.println("error: " + message);
    err.flush();
    return ExitCodes.FAILURE;
  }

  private void endLine() {
    if (interactive && lastDecile != Integer.MAX_VALUE) {
      err.println();
    }
  }
}
