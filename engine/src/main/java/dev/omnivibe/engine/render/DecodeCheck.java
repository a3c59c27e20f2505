package dev.omnivibe.engine.render;

import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * After a step fails or prints errors, decodes each of its inputs on its own to find out whether a
 * file is to blame, so the user gets {@code slides[k].image: cannot decode ...} (bad input, exit 2)
 * instead of an FFmpeg error about a filter graph.
 */
final class DecodeCheck {
  private final FfmpegTools tools;

  DecodeCheck(FfmpegTools tools) {
    this.tools = tools;
  }

  List<Problem> images(Collection<VideoBatch> batches) {
    List<Problem> problems = new ArrayList<>();
    for (VideoBatch batch : batches) {
      batch
          .imageSlides()
          .forEach(
              (image, slide) ->
                  problem(image, "slides[" + slide + "].image", "v").ifPresent(problems::add));
    }
    return problems.stream().distinct().toList();
  }

  List<Problem> narrations(ResolvedDeck deck) {
    List<Problem> problems = new ArrayList<>();
    for (ResolvedSlide s : deck.slides()) {
      if (s.narration() != null) {
        problem(s.narration(), "slides[" + s.index() + "].narration", "a").ifPresent(problems::add);
      }
    }
    return problems;
  }

  /** Decodes a file fully; any error output means the file is damaged. */
  Optional<Problem> problem(Path file, String field, String streamType) {
    ProcessResult r =
        ProcessResult.run(
            List.of(
                tools.ffmpeg().toString(),
                "-hide_banner",
                "-nostdin",
                "-v",
                "error",
                "-xerror",
                "-i",
                file.toString(),
                "-map",
                "0:" + streamType + ":0",
                "-f",
                "null",
                "-"),
            tools.environment(),
            Duration.ofMinutes(2));
    // At -v error any output is an error: damaged images decode to garbage with exit status 0.
    if (r.exitCode() == 0 && r.stderr().isBlank()) {
      return Optional.empty();
    }
    String why = r.lastLine().replace(file.toString() + ": ", "").replaceAll("^\\[[^]]*] ", "");
    return Optional.of(new Problem(field, "cannot decode " + file + ": " + why));
  }
}
