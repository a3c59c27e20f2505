package dev.omnivibe.engine.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Where a watch folder hands what was dropped: the engine's submit, in the app. */
@FunctionalInterface
public interface Intake {
  /**
   * Queues a render and returns its job id.
   *
   * @throws Exception with a message that names the problem (it is written next to the drop)
   */
  String submit(String name, JsonNode deck, Path baseDir, int priority) throws Exception;
}
