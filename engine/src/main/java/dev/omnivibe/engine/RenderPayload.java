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
    JsonNode needs) {

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
    return n;
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
        n.get(Narrations.NEEDS));
  }
}
