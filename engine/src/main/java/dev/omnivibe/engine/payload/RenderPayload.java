package dev.omnivibe.engine.payload;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.hooks.Hook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a render job stores: the deck, the encoder choice, the output path, its workload (for
 * estimates), the presentation it renders (the catalog's id), the narration its spoken slides need
 * (slide index to {@code job:<id>} while it is being spoken, or {@code asset:<sha256>}) and its own
 * completion hooks.
 *
 * @param deck the deck; its base folder is the one local paths in it are relative to (null when it
 *     names uploaded assets only)
 */
public record RenderPayload(
    Deck deck,
    String encoder,
    Path output,
    Workload workload,
    String presentation,
    Map<Integer, String> needs,
    List<Hook> hooks) {

  public RenderPayload {
    encoder = encoder == null || encoder.isBlank() ? "auto" : encoder;
    needs = needs == null ? Map.of() : Map.copyOf(needs);
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
  }

  /** The same payload with other narration references (finished jobs replaced by their assets). */
  public RenderPayload withNeeds(Map<Integer, String> next) {
    return new RenderPayload(deck, encoder, output, workload, presentation, next, hooks);
  }
}
