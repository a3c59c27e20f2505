package dev.omnivibe.bench;

import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes {@code assets/sample-deck}: four self-made slides (one 4:3, to show letterboxing), tone
 * narration that sets two slides' durations, and four kinds of transition.
 */
public final class SampleDeck {
  private SampleDeck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "assets/sample-deck");
    Files.createDirectories(dir.resolve("slides"));
    Files.createDirectories(dir.resolve("audio"));
    int[][] sizes = {{960, 540}, {960, 540}, {720, 540}, {960, 540}};
    for (int i = 0; i < sizes.length; i++) {
      ImageIO.write(
          SampleDeckWriter.slide(i, sizes.length, sizes[i][0], sizes[i][1]),
          "png",
          dir.resolve("slides/0" + (i + 1) + ".png").toFile());
    }
    Files.write(dir.resolve("audio/01.wav"), SampleDeckWriter.tone(0, 2.5, 22_050));
    Files.write(dir.resolve("audio/03.wav"), SampleDeckWriter.tone(4, 2.0, 22_050));
    Files.writeString(
        dir.resolve("deck.json"),
        """
        {
          "slides": [
            {"image": "slides/01.png", "narration": "audio/01.wav", "padding": 0.5,
             "transition": {"type": "fade", "duration": 0.5}},
            {"image": "slides/02.png", "duration": 2.5,
             "transition": {"type": "wipeleft", "duration": 0.6}},
            {"image": "slides/03.png", "narration": "audio/03.wav", "padding": 0.5,
             "transition": {"type": "slideleft", "duration": 0.5}},
            {"image": "slides/04.png", "duration": 3.0,
             "transition": {"type": "fadeblack", "duration": 1.0}}
          ],
          "output": {"width": 1280, "height": 720, "fps": 30, "quality": "standard"}
        }
        """);
    System.out.println(dir.resolve("deck.json"));
  }
}
