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
 * Deck-to-MP4 benchmark: the product against the seed's "after" pipeline on the same generated
 * decks, in the same run, reporting medians and ratios. Not a test; run with {@code
 * bench/render.sh}.
 *
 * <p>Args: {@code [runs] [out.json] [runs for the 60 s deck]}. Decks: 10 distinct 1080p30 slides
 * with 5 s narration and 0.5 s fades, once with 5 s slides and once with 60 s slides.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int longRuns = args.length > 2 ? Integer.parseInt(args[2]) : runs;
    Path report = args.length > 1 ? Path.of(args[1]) : null;
    FfmpegTools tools = new FfmpegLocator().locate(null, null);
    Path root = Files.createTempDirectory("omnivibe-bench-");
    try {
      DeckResolver resolver =
          new DeckResolver(new ImageInspector(), new AudioInspector(new Ffprobe(tools)));
      Renderer renderer = new Renderer(tools, RenderOptions.defaults());
      SeedPipeline seed = new SeedPipeline(tools);
      List<String> rows = new ArrayList<>();
      double[] product5 = null;
      for (double slideSeconds : new double[] {5.0, 60.0}) {
        Path dir = root.resolve("deck-" + (int) slideSeconds);
        Path deckFile =
            SampleDeckWriter.write(
                dir,
                new SampleDeckWriter.Spec(
                    10, 1920, 1080, slideSeconds, 5.0, "fade", 0.5, 1920, 1080, 30));
        Deck deck = DeckReader.read(deckFile);
        ResolvedDeck resolved = resolver.resolve(deck, MediaResolver.relativeTo(deck.baseDir()));
        List<Path> images = resolved.slides().stream().map(ResolvedSlide::image).toList();
        List<Path> narrations = resolved.slides().stream().map(ResolvedSlide::narration).toList();
        int n = slideSeconds > 5 ? longRuns : runs;
        double[] product = new double[n];
        double[] baseline = new double[n];
        for (int r = 0; r < n; r++) {
          // Alternate the order so drift in machine load hits both sides alike.
          for (int side = 0; side < 2; side++) {
            boolean productFirst = r % 2 == 0;
            if ((side == 0) == productFirst) {
              long t0 = System.nanoTime();
              renderer.render(
                  resolved,
                  dir.resolve("product.mp4"),
                  EncoderProfile.software(),
                  RenderListener.NONE,
                  new CancelToken());
              product[r] = (System.nanoTime() - t0) / 1e9;
            } else {
              long t0 = System.nanoTime();
              seed.render(
                  images,
                  narrations,
                  slideSeconds,
                  dir.resolve("seed-work-" + r),
                  dir.resolve("seed.mp4"));
              baseline[r] = (System.nanoTime() - t0) / 1e9;
            }
          }
          System.err.printf(
              Locale.ROOT,
              "  %2.0f s slides, run %d: product %.3f s, seed %.3f s%n",
              slideSeconds,
              r + 1,
              product[r],
              baseline[r]);
        }
        double p = Medians.of(product);
        double b = Medians.of(baseline);
        if (product5 == null) {
          product5 = product;
        }
        rows.add(
            String.format(
                Locale.ROOT,
                "{\"deck\": \"10 slides 1080p30, %.0f s each, 5 s narration, 0.5 s fades\", \"runs\": %d,"
                    + " \"productMedianSeconds\": %.3f, \"seedMedianSeconds\": %.3f, \"speedup\": %.2f,"
                    + " \"productRuns\": %s, \"seedRuns\": %s}",
                slideSeconds,
                n,
                p,
                b,
                b / p,
                Arrays.toString(product),
                Arrays.toString(baseline)));
        System.out.printf(
            Locale.ROOT,
            "%3.0f s slides: product %.3f s, seed after-pipeline %.3f s -> %.1fx faster%n",
            slideSeconds,
            p,
            b,
            b / p);
        if (slideSeconds == 60.0) {
          System.out.printf(
              Locale.ROOT, "60 s deck / 5 s deck (product): %.2fx%n", p / Medians.of(product5));
        }
      }
      String json =
          "{\"cores\": "
              + Runtime.getRuntime().availableProcessors()
              + ", \"ffmpeg\": \""
              + tools.version()
              + "\", \"results\": [\n  "
              + String.join(",\n  ", rows)
              + "\n]}\n";
      if (report != null) {
        Files.writeString(report, json);
        System.out.println("report: " + report);
      }
    } finally {
      FileTrees.deleteQuietly(root);
    }
  }
}
