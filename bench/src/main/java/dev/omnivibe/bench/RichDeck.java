package dev.omnivibe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.tts.Espeak;
import dev.omnivibe.engine.tts.SpeechRequest;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a deck like the ones users render: slides at the output size full of photo-like texture
 * and gradients (large PNGs that do not compress away), real speech from espeak-ng on every slide,
 * and fades between slides. {@code seed.txt} lists the images and narrations for the seed's
 * pipeline.
 *
 * <p>{@code RichDeck DIR SLIDES SLIDE_SECONDS OUT_W OUT_H FPS [quiet]} ({@code quiet}: no
 * narration)
 */
public final class RichDeck {
  private static final String[] LINES = {
    "Welcome to the quarterly review of the northern region and its largest accounts.",
    "Revenue grew in every market, led by the new subscription plans for small teams.",
    "Costs stayed flat while we moved two data centres to the cheaper storage tier.",
    "Customer churn fell for the third quarter in a row after the support changes.",
    "The mobile release shipped on time and reached a million devices in six weeks.",
    "Hiring slowed on purpose so that every new team could be onboarded properly.",
    "Our partners in the south asked for longer contracts and better reporting tools.",
    "The pilot with the city council ends in March and the results look promising.",
    "Next quarter we focus on reliability, pricing and the enterprise onboarding flow.",
    "Thank you for listening; the full numbers are in the appendix of this deck.",
  };

  private RichDeck() {}

  public static void main(String[] a) throws Exception {
    if (a.length != 6 && !(a.length == 7 && a[6].equals("quiet"))) {
      System.err.println("usage: RichDeck DIR SLIDES SLIDE_SECONDS OUT_W OUT_H FPS [quiet]");
      System.exit(2);
    }
    Path dir = Path.of(a[0]);
    int slides = Integer.parseInt(a[1]);
    double seconds = Double.parseDouble(a[2]);
    int width = Integer.parseInt(a[3]);
    int height = Integer.parseInt(a[4]);
    Files.createDirectories(dir.resolve("slides"));
    Files.createDirectories(dir.resolve("audio"));
    boolean quiet = a.length == 7;
    Espeak speech = Espeak.locate(System.getenv());
    ObjectMapper json = new ObjectMapper();
    ObjectNode deck = json.createObjectNode();
    ArrayNode list = deck.putArray("slides");
    List<String> seed = new ArrayList<>();
    for (int i = 0; i < slides; i++) {
      String image = String.format("slides/%02d.png", i + 1);
      String narration = String.format("audio/%02d.wav", i + 1);
      ImageIO.write(photo(i, width, height), "png", dir.resolve(image).toFile());
      Path wav = dir.resolve(narration);
      if (!quiet && !Files.exists(wav)) {
        speech.speak(new SpeechRequest(LINES[i % LINES.length], "en-us", 160), wav);
      }
      ObjectNode s = list.addObject().put("image", image);
      if (!quiet) {
        s.put("narration", narration);
      }
      s.put("duration", seconds);
      if (i + 1 < slides) {
        s.putObject("transition").put("type", "fade").put("duration", 0.5);
      }
      seed.add(dir.resolve(image).toAbsolutePath() + "\t" + wav.toAbsolutePath());
    }
    deck.putObject("output")
        .put("width", width)
        .put("height", height)
        .put("fps", Integer.parseInt(a[5]))
        .put("quality", "standard");
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("deck.json").toFile(), deck);
    Files.write(dir.resolve("seed.txt"), seed);
    System.out.println(dir.resolve("deck.json"));
  }

  /**
   * Value noise in several octaves over a two-colour gradient, with a title: like a photo slide.
   */
  static BufferedImage photo(int index, int w, int h) {
    SplittableRandom random = new SplittableRandom(1000 + index);
    int grid = 9;
    float[][] octaves = new float[4][];
    int[] cells = {8, 24, 72, 216};
    for (int o = 0; o < octaves.length; o++) {
      octaves[o] = new float[(cells[o] + 1) * (cells[o] + 1)];
      for (int k = 0; k < octaves[o].length; k++) {
        octaves[o][k] = (float) random.nextDouble();
      }
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Color a = Color.getHSBColor((index * 0.13f) % 1, 0.55f, 0.85f);
    Color b = Color.getHSBColor((index * 0.13f + 0.4f) % 1, 0.65f, 0.35f);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double n = 0;
        double amp = 0.5;
        for (int o = 0; o < octaves.length; o++) {
          n += amp * sample(octaves[o], cells[o], x / (double) w, y / (double) h);
          amp /= 2;
        }
        double t = Math.min(1, Math.max(0, (x + y) / (double) (w + h) * 0.7 + n * 0.6 - 0.15));
        int r = (int) (a.getRed() * (1 - t) + b.getRed() * t);
        int g = (int) (a.getGreen() * (1 - t) + b.getGreen() * t);
        int bl = (int) (a.getBlue() * (1 - t) + b.getBlue() * t);
        int grain = random.nextInt(grid) - grid / 2;
        img.setRGB(x, y, (clamp(r + grain) << 16) | (clamp(g + grain) << 8) | clamp(bl + grain));
      }
    }
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new GradientPaint(0, h * 0.7f, new Color(0, 0, 0, 0), 0, h, new Color(0, 0, 0, 170)));
    g.fillRect(0, (int) (h * 0.7), w, h);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 84));
    g.drawString("Quarterly review · " + (index + 1), 96, h - 120);
    g.dispose();
    return img;
  }

  private static double sample(float[] grid, int cells, double u, double v) {
    double x = u * cells;
    double y = v * cells;
    int x0 = (int) x;
    int y0 = (int) y;
    double fx = smooth(x - x0);
    double fy = smooth(y - y0);
    int row = cells + 1;
    double top = grid[y0 * row + x0] * (1 - fx) + grid[y0 * row + x0 + 1] * fx;
    double bottom = grid[(y0 + 1) * row + x0] * (1 - fx) + grid[(y0 + 1) * row + x0 + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static int clamp(int c) {
    return Math.max(0, Math.min(255, c));
  }
}
