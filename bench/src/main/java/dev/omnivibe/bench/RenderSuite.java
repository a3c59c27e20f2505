package dev.omnivibe.bench;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.DeckResolver;
import dev.omnivibe.engine.deck.MediaResolver;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.ResolvedSlide;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.render.EncoderProfile;
import dev.omnivibe.engine.render.RenderListener;
import dev.omnivibe.engine.render.RenderOptions;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Render against the seed's "before" and "after" pipelines over a matrix of decks: slide counts (5
 * s slides) and 5 s against 60 s slides. Each deck is rendered by all sides in rotating order
 * within a round, and every figure is a median over the rounds.
 *
 * <p>Usage: {@code RenderSuite RUNS WIDTHxHEIGHT SLIDES(10,30,100) LONG_SLIDES(10) REPORT.json}
 */
public final class RenderSuite {
  private RenderSuite() {}

  record Case(int slides, double seconds) {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    String[] size = args[1].split("x");
    int w = Integer.parseInt(size[0]);
    int h = Integer.parseInt(size[1]);
    List<Case> cases = new ArrayList<>();
    for (String n : args[2].split(",")) {
      cases.add(new Case(Integer.parseInt(n.trim()), 5.0));
    }
    for (String n : args[3].split(",")) {
      if (!n.isBlank()) {
        cases.add(new Case(Integer.parseInt(n.trim()), 60.0));
      }
    }
    Path report = Path.of(args[4]);
    FfmpegTools tools = new FfmpegLocator().locate(null, null);
    DeckResolver resolver =
        new DeckResolver(new ImageInspector(), new AudioInspector(new Ffprobe(tools)));
    Renderer renderer = new Renderer(tools, RenderOptions.defaults());
    SeedPipeline after = new SeedPipeline(tools, SeedPipeline.Variant.AFTER);
    SeedPipeline before = new SeedPipeline(tools, SeedPipeline.Variant.BEFORE);
    Path root = Files.createTempDirectory("omnivibe-render-suite-");
    List<String> rows = new ArrayList<>();
    try {
      for (Case c : cases) {
        Path dir = root.resolve(c.slides() + "x" + (int) c.seconds());
        Path deckFile =
            SampleDeckWriter.write(
                dir,
                new SampleDeckWriter.Spec(
                    c.slides(), w, h, c.seconds(), 5.0, "fade", 0.5, w, h, 30));
        Deck deck = DeckReader.read(deckFile);
        ResolvedDeck resolved = resolver.resolve(deck, MediaResolver.relativeTo(deck.baseDir()));
        List<Path> images = resolved.slides().stream().map(ResolvedSlide::image).toList();
        List<Path> narrations = resolved.slides().stream().map(ResolvedSlide::narration).toList();
        double[][] t = new double[3][runs];
        for (int r = 0; r < runs; r++) {
          for (int k = 0; k < 3; k++) {
            int side = (r + k) % 3; // rotate so machine drift hits every side alike
            long t0 = System.nanoTime();
            switch (side) {
              case 0 ->
                  renderer.render(
                      resolved,
                      dir.resolve("product.mp4"),
                      EncoderProfile.software(),
                      RenderListener.NONE,
                      new CancelToken());
              case 1 ->
                  after.render(
                      images,
                      narrations,
                      c.seconds(),
                      dir.resolve("after-" + r),
                      dir.resolve("after.mp4"));
              default ->
                  before.render(
                      images,
                      narrations,
                      c.seconds(),
                      dir.resolve("before-" + r),
                      dir.resolve("before.mp4"));
            }
            t[side][r] = (System.nanoTime() - t0) / 1e9;
            FileTrees.deleteQuietly(dir.resolve("after-" + r));
            FileTrees.deleteQuietly(dir.resolve("before-" + r));
          }
          System.err.printf(
              Locale.ROOT,
              "  %d x %.0f s, round %d: product %.2f s, after %.2f s, before %.2f s%n",
              c.slides(),
              c.seconds(),
              r + 1,
              t[0][r],
              t[1][r],
              t[2][r]);
        }
        double p = Medians.of(t[0]);
        double a = Medians.of(t[1]);
        double b = Medians.of(t[2]);
        rows.add(
            String.format(
                Locale.ROOT,
                "{\"slides\": %d, \"slideSeconds\": %.0f, \"videoSeconds\": %.0f, \"runs\": %d,"
                    + " \"productSeconds\": %.3f, \"seedAfterSeconds\": %.3f, \"seedBeforeSeconds\": %.3f,"
                    + " \"speedupVsAfter\": %.2f, \"speedupVsBefore\": %.2f,"
                    + " \"productRuns\": %s, \"afterRuns\": %s, \"beforeRuns\": %s}",
                c.slides(),
                c.seconds(),
                c.slides() * c.seconds(),
                runs,
                p,
                a,
                b,
                a / p,
                b / p,
                Arrays.toString(t[0]),
                Arrays.toString(t[1]),
                Arrays.toString(t[2])));
        System.out.printf(
            Locale.ROOT,
            "%3d slides x %2.0f s: product %.2f s | seed after %.2f s (%.1fx) | seed before %.2f s (%.1fx)%n",
            c.slides(),
            c.seconds(),
            p,
            a,
            a / p,
            b,
            b / p);
        FileTrees.deleteQuietly(dir);
      }
    } finally {
      FileTrees.deleteQuietly(root);
    }
    String json =
        "{\"cores\": "
            + Runtime.getRuntime().availableProcessors()
            + ", \"ffmpeg\": \""
            + tools.version()
            + "\", \"resolution\": \""
            + w
            + "x"
            + h
            + "\", \"runs\": "
            + runs
            + ", \"results\": [\n  "
            + String.join(",\n  ", rows)
            + "\n]}\n";
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, json);
  }
}
