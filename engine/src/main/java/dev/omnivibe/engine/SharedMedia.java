package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Makes a deck's local files reachable from every node of a studio: each file named by a path
 * (slide images, narration files, the music bed) is copied into the shared, content-addressed asset
 * folder and the deck refers to it as {@code asset:<sha256>} instead.
 */
final class SharedMedia {
  private SharedMedia() {}

  static JsonNode share(JsonNode deck, Path baseDir, AssetStore assets) throws IOException {
    if (baseDir == null) {
      return deck; // an API deck: it can only name uploaded assets already
    }
    ObjectNode copy = deck.deepCopy();
    for (JsonNode slide : copy.path("slides")) {
      if (slide instanceof ObjectNode s) {
        share(s, "image", baseDir, assets);
        share(s, "narration", baseDir, assets);
      }
    }
    if (copy.path("audio") instanceof ObjectNode audio) {
      share(audio, "music", baseDir, assets);
    }
    return copy;
  }

  private static void share(ObjectNode node, String field, Path baseDir, AssetStore assets)
      throws IOException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().startsWith("asset:")) {
      return;
    }
    Path file = baseDir.resolve(v.asText()).normalize();
    Path tmp = assets.temp();
    try {
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      node.put(field, "asset:" + assets.adopt(tmp));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
