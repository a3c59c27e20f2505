package dev.omnivibe.app.gui.editor;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Thumbnails of WebP slides. JavaFX decodes PNG and JPEG but not WebP, so these go through
 * webp-imageio's ImageIO reader (the same library the API uses to serve WebP), off the FX thread.
 */
final class WebpThumbnail {
  private static final ExecutorService DECODER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "webp-thumbnails");
            t.setDaemon(true);
            return t;
          });

  private WebpThumbnail() {}

  static boolean isWebp(Path image) {
    return image.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".webp");
  }

  /** Decodes and scales in the background; the image is made by the caller on the FX thread. */
  static CompletableFuture<BufferedImage> load(Path image, int width, int height) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return scaled(image, width, height);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        DECODER);
  }

  /**
   * The image scaled to fit {@code width}×{@code height}, keeping its shape.
   *
   * @throws IOException naming the file when it is not a readable WebP image
   */
  static BufferedImage scaled(Path image, int width, int height) throws IOException {
    BufferedImage full = ImageIO.read(image.toFile());
    if (full == null) {
      throw new IOException(image + " is not an image this build can read");
    }
    double k = Math.min(width / (double) full.getWidth(), height / (double) full.getHeight());
    int w = Math.max(1, (int) Math.round(full.getWidth() * k));
    int h = Math.max(1, (int) Math.round(full.getHeight() * k));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(full, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Copies ARGB pixels into a JavaFX image (no javafx.swing needed). */
  static WritableImage toFx(BufferedImage argb) {
    int w = argb.getWidth();
    int h = argb.getHeight();
    int[] pixels = argb.getRGB(0, 0, w, h, null, 0, w);
    WritableImage fx = new WritableImage(w, h);
    fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    return fx;
  }
}
