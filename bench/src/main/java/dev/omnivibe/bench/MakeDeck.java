package dev.omnivibe.bench;

import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.nio.file.Path;

/**
 * Writes a generated deck: {@code MakeDeck DIR SLIDES IMG_W IMG_H SLIDE_SECONDS|narration
 * NARRATION_SECONDS TRANSITION|cut TRANSITION_SECONDS OUT_W OUT_H FPS}.
 */
public final class MakeDeck {
  private MakeDeck() {}

  public static void main(String[] a) throws Exception {
    if (a.length != 11) {
      System.err.println(
          "usage: MakeDeck DIR SLIDES IMG_W IMG_H SLIDE_SECONDS|narration NARRATION_SECONDS "
              + "TRANSITION|cut TRANSITION_SECONDS OUT_W OUT_H FPS");
      System.exit(2);
    }
    Double slideSeconds = "narration".equals(a[4]) ? null : Double.valueOf(a[4]);
    String transition = "cut".equals(a[6]) ? null : a[6];
    var spec =
        new SampleDeckWriter.Spec(
            Integer.parseInt(a[1]),
            Integer.parseInt(a[2]),
            Integer.parseInt(a[3]),
            slideSeconds,
            Double.parseDouble(a[5]),
            transition,
            Double.parseDouble(a[7]),
            Integer.parseInt(a[8]),
            Integer.parseInt(a[9]),
            Integer.parseInt(a[10]));
    System.out.println(SampleDeckWriter.write(Path.of(a[0]), spec));
  }
}
