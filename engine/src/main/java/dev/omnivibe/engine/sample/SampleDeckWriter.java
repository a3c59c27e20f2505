package dev.omnivibe.engine.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a self-made deck: distinct slide pictures drawn with Java2D and tone narration as WAV.
 * Used for the sample deck, the tests and the benchmarks, so no third-party media is needed.
 */
public final class SampleDeckWriter {
  private static final Color[][] PALETTE = {
    {new Color(0x1e3a5f), new Color(0x3d7ab8)},
    {new Color(0x5f1e3a), new Color(0xb83d7a)},
    {new Color(0x1e5f3a), new Color(0x3db87a)},
    {new Color(0x5f4a1e), new Color(0xb8923d)},
    {new Color(0x3a1e5f), new Color(0x7a3db8)},
  };

  /**
   * @param slideSeconds duration of each slide; null lets the narration decide
   * @param narrationSeconds length of each slide's narration, 0 for silent slides
   * @param transition transition type into the next slide, or null for cuts
   */
  public record Spec(
      int slides,
      int imageWidth,
      int imageHeight,
      Double slideSeconds,
      double narrationSeconds,
      String transition,
      double transitionSeconds,
      int outWidth,
      int outHeight,
      int fps) {}

  private SampleDeckWriter() {}

  /** Writes {@code deck.json}, {@code slides/} and {@code audio/} into {@code dir}. */
  public static Path write(Path dir, Spec spec) throws IOException {
    Files.createDirectories(dir.resolve("slides"));
    Files.createDirectories(dir.resolve("audio"));
    List<String> slides = new ArrayList<>();
    for (int i = 0; i < spec.slides(); i++) {
      String image = String.format(Locale.ROOT, "slides/%02d.png", i + 1);
      ImageIO.write(
          slide(i, spec.slides(), spec.imageWidth(), spec.imageHeight()),
          "png",
          dir.resolve(image).toFile());
      StringBuilder s = new StringBuilder("    {\"image\": \"").append(image).append('"');
      if (spec.slideSeconds() != null) {
        s.append(", \"duration\": ").append(spec.slideSeconds());
      }
      if (spec.narrationSeconds() > 0) {
        String audio = String.format(Locale.ROOT, "audio/%02d.wav", i + 1);
        Files.write(dir.resolve(audio), tone(i, spec.narrationSeconds(), 22_050));
        s.append(", \"narration\": \"").append(audio).append('"');
      }
      if (spec.transition() != null && i + 1 < spec.slides()) {
        s.append(", \"transition\": {\"type\": \"")
            .append(spec.transition())
            .append("\", \"duration\": ")
            .append(spec.transitionSeconds())
            .append('}');
      }
      slides.add(s.append('}').toString());
    }
    String json =
        "{\n  \"slides\": [\n"
            + String.join(",\n", slides)
            + "\n  ],\n"
            + "  \"output\": {\"width\": "
            + spec.outWidth()
            + ", \"height\": "
            + spec.outHeight()
            + ", \"fps\": "
            + spec.fps()
            + ", \"quality\": \"standard\"}\n}\n";
    Path deck = dir.resolve("deck.json");
    Files.writeString(deck, json);
    return deck;
  }

  /** A distinct picture per index: gradient, geometry and a large slide number. */
  public static BufferedImage slide(int index, int total, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Color[] c = PALETTE[index % PALETTE.length];
    g.setPaint(new GradientPaint(0, 0, c[0], w, h, c[1]));
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(255, 255, 255, 60));
    g.setStroke(new BasicStroke(Math.max(2, w / 200f)));
    for (int k = 0; k < 6 + index % 5; k++) {
      int r = (k + 1) * Math.min(w, h) / (8 + index % 3);
      g.drawOval(w * (2 + index % 4) / 6 - r / 2, h / 2 - r / 2, r, r);
    }
    photo(img, index, w * 55 / 100, h / 8, w * 40 / 100, h * 6 / 10);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 4)));
    String label = Integer.toString(index + 1);
    int tw = g.getFontMetrics().stringWidth(label);
    g.drawString(label, (w - tw) / 2, h / 2 + h / 12);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, h / 18)));
    g.drawString("OmniVibe sample - slide " + (index + 1) + " of " + total, w / 20, h - h / 12);
    g.dispose();
    return img;
  }

  /**
   * Paints a photo-like panel: smooth shapes with per-pixel grain, so the image costs what a
   * picture on a real slide costs to store and decode (flat graphics alone would understate it).
   */
  private static void photo(BufferedImage img, int index, int x0, int y0, int pw, int ph) {
    java.util.Random grain = new java.util.Random(1000L + index);
    double fx = 2 * Math.PI * (1.5 + index % 3) / pw;
    double fy = 2 * Math.PI * (1 + index % 4) / ph;
    for (int y = 0; y < ph; y++) {
      for (int x = 0; x < pw; x++) {
        double v =
            0.5
                + 0.25 * Math.sin(x * fx + index) * Math.cos(y * fy)
                + 0.15 * Math.sin((x + y) * fx * 0.37);
        int n = (int) (grain.nextGaussian() * 9);
        int r = clamp((int) (v * 200) + 30 + n);
        int gr = clamp((int) (v * 150) + 60 * (index % 2) + n);
        int b = clamp((int) ((1 - v) * 180) + 40 + n);
        img.setRGB(x0 + x, y0 + y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** A 16-bit mono WAV: a soft chord that differs per slide, with fades so nothing clicks. */
  public static byte[] tone(int index, double seconds, int rate) {
    int samples = (int) Math.round(seconds * rate);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    double f1 = 220 * Math.pow(2, (index % 12) / 12.0);
    double fade = 0.05 * rate;
    for (int n = 0; n < samples; n++) {
      double t = (double) n / rate;
      double env = Math.min(1, Math.min(n / fade, (samples - n) / fade));
      double v =
          0.25 * Math.sin(2 * Math.PI * f1 * t) + 0.12 * Math.sin(2 * Math.PI * f1 * 1.5 * t);
      pcm.putShort((short) Math.round(v * env * 32767));
    }
    return wav(pcm.array(), rate, 1);
  }

  /** A 16-bit PCM WAV file around {@code pcm} (little-endian samples). */
  public static byte[] wav(byte[] pcm, int rate, int channels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(36 + pcm.length)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * channels * 2)
        .putShort((short) (channels * 2))
        .putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(pcm.length);
    out.writeBytes(h.array());
    out.writeBytes(pcm);
    return out.toByteArray();
  }
}
