package dev.omnivibe.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.render.RenderProgress;
import dev.omnivibe.engine.render.RenderResult;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code --json-progress}: one JSON object per line on stdout. Every line has an {@code event}:
 * {@code progress}, then exactly one of {@code done}, {@code invalid} or {@code failed}.
 */
final class JsonProgressPrinter implements ProgressPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;

  JsonProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void progress(RenderProgress p) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("event", "progress")
            .put("percent", round(p.percent()))
            .put("speed", round(p.speed()))
            .put("phase", p.phase());
    if (Double.isNaN(p.etaSeconds())) {
      n.putNull("etaSeconds");
    } else {
      n.put("etaSeconds", round(p.etaSeconds()));
    }
    emit(n);
  }

  @Override
  public int done(RenderResult r, String ffmpegChoice, Map<String, Long> phases) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("event", "done")
            .put("output", r.output().toString())
            .put("encoder", r.encoder())
            .put("frames", r.frames())
            .put("videoSeconds", round(r.videoSeconds()))
            .put("bytes", r.bytes())
            .put("wallSeconds", round(r.wallTime().toMillis() / 1e3))
            .put("speed", round(r.speed()))
            .put("ffmpeg", r.ffmpeg())
            .put("ffmpegChoice", ffmpegChoice);
    ObjectNode steps = n.putObject("stepMillis");

    r.stepTimes().forEach((k, v) -> steps.put(k, v.toMillis()));
    ObjectNode process = n.putObject("processMillis");
    for (String phase : new String[] {"main", "start", "ffmpeg", "deck", "render"}) {
      if (phases.containsKey(phase)) {
        process.put(phase, phases.get(phase));
      }
    }
    ArrayNode timeline = n.putArray("timeline");
    r.timeline()
        .forEach(
            s ->
                timeline
                    .addObject()
                    .put("step", s.step())
                    .put("startMs", s.startMillis())
                    .put("endMs", s.endMillis()));

    if (r.fallbackReason() != null) {
      n.put("fallbackReason", r.fallbackReason());
    }
    emit(n);
    return ExitCodes.OK;
  }

  @Override
  public int badInput(Problem... problems) {
    ObjectNode n = JSON.createObjectNode().put("event", "invalid");
    ArrayNode errors = n.putArray("errors");
    for (Problem p : problems) {
      errors
          .addObject()
          .put("field", p.field())
          .put("pointer", p.pointer())
          .put("message", p.message());
    }
    emit(n);
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int failed(String message) {
    emit(JSON.createObjectNode().put("event", "failed").put("message", message));
    return ExitCodes.FAILURE;
  }

  private void emit(ObjectNode n) {
    out.println(n.toString());
    out.flush();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
