package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.MediaResolver;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves {@code asset:<sha256>} ids into the content-addressed assets folder, and paths against
 * the deck's folder when local paths are allowed.
 */
public final class AssetMedia implements MediaResolver {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path assets;
  private final Path baseDir;

  public AssetMedia(Path assets, Path baseDir) {
    this.assets = assets;
    this.baseDir = baseDir;
  }

  @Override
  public Path resolve(String reference) {
    if (reference.startsWith("asset:")) {
      String id = reference.substring("asset:".length()).toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "'" + reference + "' is not an asset id (asset: followed by 64 hex digits)");
      }
      Path file = assets.resolve(id);
      if (!java.nio.file.Files.isRegularFile(file)) {
        // Never echo the local path to a remote caller.
        throw new IllegalArgumentException(
            reference + " was not uploaded (POST it to /api/v1/assets first)");
      }
      return file;
    }
    if (baseDir == null) {
      throw new IllegalArgumentException(
          "'" + reference + "' is a path; upload the file and use its asset:<sha256> id");
    }
    return baseDir.resolve(reference).normalize();
  }
}
