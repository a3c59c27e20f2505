package dev.omnivibe.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP slides get thumbnails although JavaFX cannot decode WebP. */
class WebpThumbnailTest {
  @TempDir Path dir;

  @Test
  void aWebpSlideIsScaledToFitAndCopiedIntoAJavaFxImage() throws Exception {
    BufferedImage slide = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = slide.createGraphics();
    g.setColor(new Color(200, 30, 30));
    g.fillRect(0, 0, 640, 360);
    g.dispose();
    Path webp = dir.resolve("slide.webp");
    assertThat(ImageIO.write(slide, "webp", webp.toFile()))
        .as("a WebP writer is installed")
        .isTrue();
    assertThat(WebpThumbnail.isWebp(webp)).isTrue();

    BufferedImage thumb = WebpThumbnail.load(webp, 128, 72).get();
    assertThat(thumb.getWidth()).isEqualTo(128);
    assertThat(thumb.getHeight()).isEqualTo(72);
    Color c = new Color(thumb.getRGB(64, 36), true);
    assertThat(c.getRed()).isBetween(180, 220); // lossy, but red
    assertThat(c.getGreen()).isLessThan(60);

    WritableImage fx = WebpThumbnail.toFx(thumb);
    assertThat(fx.getWidth()).isEqualTo(128.0);
    assertThat(fx.getPixelReader().getArgb(64, 36)).isEqualTo(thumb.getRGB(64, 36));
  }

  @Test
  void aCorruptFileIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.webp"), "not an image");
    assertThatThrownBy(() -> WebpThumbnail.scaled(bad, 128, 72))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("broken.webp");
  }
}
