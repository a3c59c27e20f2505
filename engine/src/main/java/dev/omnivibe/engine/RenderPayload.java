package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.estimate.Workload;
import java.nio.file.Path;

/**
 * What a render job stores: the deck as submitted, how to resolve its media, the encoder choice,
 * the output path, its workload (for estimates) and, for spoken slides, the narration it needs
 * (slide index to {@code job:<id>} or {@code asset:<sha256>}).
 */
record RenderPayload(
    JsonNode deck,
    Path baseDir,
    String encoder,
    Path output,
    Workload workload,
    String presentation,
    JsonNode needs,
    JsonNode hooks) {

  JsonNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.set("deck", deck);
    n.put("baseDir", baseDir == null ? null : baseDir.toString());
    n.put("encoder", encoder);
    n.put("output", output.toString());
    n.put("uniqueFrames", workload.uniqueFrames());
    n.put("outputSeconds", workload.outputSeconds());
    n.put("presentation", presentation);
    if (needs != null && !needs.isEmpty()) {
      n.set(Narrations.NEEDS, needs);
    }
    if (hooks != null && !hooks.isEmpty()) {
      n.set("hooks", hooks);
    }
    return n;
  }

  /**
   * Hooks as the payload stores them (see {@link
   * dev.omnivibe.engine.hooks.HookRunner#fromPayload}).
   */
  static JsonNode hooksJson(java.util.List<dev.omnivibe.engine.hooks.Hook> hooks) {
    var arr = JsonNodeFactory.instance.arrayNode();
    for (var h : hooks) {
      if (h instanceof dev.omnivibe.engine.hooks.Hook.Webhook w) {
        arr.addObject().put("webhook", w.url().toString());
      } else if (h instanceof dev.omnivibe.engine.hooks.Hook.Command c) {
        var args = arr.addObject().putArray("command");
        c.args().forEach(args::add);
      }
    }
    return arr;
  }

  static RenderPayload of(JsonNode n) {
    JsonNode base = n.path("baseDir");
    return new RenderPayload(
        n.get("deck"),
        base.isNull() || base.isMissingNode() ? null : Path.of(base.asText()),
        n.path("encoder").asText("auto"),
        Path.of(n.path("output").asText()),
        new Workload(n.path("uniqueFrames").asLong(), n.path("outputSeconds").asDouble()),
        n.path("presentation").asText(null),
        n.get(Narrations.NEEDS),
        n.get("hooks"));
  }
}
