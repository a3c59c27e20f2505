package dev.omnivibe.app.cli;

import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.render.RenderProgress;
import dev.omnivibe.engine.render.RenderResult;
import java.util.Map;

/** How {@code render} reports to the user: a terminal bar or JSON lines. */
interface ProgressPrinter {
  void progress(RenderProgress p);

  /**
   * Reports success and returns the exit code.
   *
   * @param ffmpegChoice why this FFmpeg was used (see {@code FfmpegChoice})
   */
  /**
   * @param phases milliseconds from the process's start to the end of each phase
   */
  int done(RenderResult result, String ffmpegChoice, Map<String, Long> phases);

  /** Reports bad input, one line per problem, and returns exit code 2. */
  int badInput(Problem... problems);

  /** Reports a failure and returns exit code 1. */
  int failed(String message);
}
