package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.Deck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes a deck's local files reachable from every node of a studio: each file named by a path
 * (slide images, narration files, the music bed) is copied into the shared, content-addressed asset
 * folder and the deck refers to it as {@code asset:<sha256>} instead.
 */
public final class SharedMedia {
  private SharedMedia() {}

  public static Deck share(Deck deck, AssetStore assets) throws IOException {
    if (deck.baseDir() == null) {
      return deck; // an API deck: it can only name uploaded assets already
    }
    Map<String, String> shared = new HashMap<>();
    for (String ref : deck.mediaReferences()) {
      if (ref.startsWith("asset:") || shared.containsKey(ref)) {
        continue;
      }
      Path tmp = assets.temp();
      try {
        Files.copy(
            deck.baseDir().resolve(ref).normalize(), tmp, StandardCopyOption.REPLACE_EXISTING);
        shared.put(ref, "asset:" + assets.adopt(tmp));
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return deck.withMedia(ref -> shared.getOrDefault(ref, ref)).relativeTo(null);
  }
}
