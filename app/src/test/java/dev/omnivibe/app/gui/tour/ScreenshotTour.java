package dev.omnivibe.app.gui.tour;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.app.Services;
import dev.omnivibe.app.Settings;
import dev.omnivibe.app.gui.MainWindow;
import dev.omnivibe.app.gui.Workbench;
import dev.omnivibe.app.gui.performance.PerformanceViewModel;
import dev.omnivibe.app.gui.queue.JobRow;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.platform.AppDirs;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Drives the real window (GTK under Xvfb, not Monocle) through each view with real renders and
 * saves a PNG of each. Run by {@code docs/screenshots/take.sh}; set {@code -Domnivibe.home} to an
 * empty folder so nothing of the user's is touched.
 *
 * <p>Arguments: the output folder and the sample deck's {@code deck.json}.
 */
public final class ScreenshotTour {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path out;
  private final Path sample;
  private MainWindow window;
  private Workbench bench;

  private ScreenshotTour(Path out, Path sample) {
    this.out = out;
    this.sample = sample;
  }

  public static void main(String[] args) throws Exception {
    ScreenshotTour tour = new ScreenshotTour(Path.of(args[0]), Path.of(args[1]).toAbsolutePath());
    Platform.startup(() -> {});
    int code = 0;
    try {
      tour.run();
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    } finally {
      tour.close();
    }
    System.exit(code);
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    AppDirs dirs = AppDirs.forCurrentUser();
    Map<String, String> prefs =
        new java.util.HashMap<>(Map.of("api.enabled", "true", "api.port", "0"));
    String redis = System.getenv("OMNIVIBE_TOUR_REDIS");
    if (redis != null && !redis.isBlank()) {
      prefs.put("redis.uri", redis); // join a studio, so the Nodes view has something to show
    }
    Settings settings = Settings.load(dirs.config()).save(prefs);
    bench = Workbench.open(new Services(settings, dirs));
    fx(
        () -> {
          Stage stage = new Stage();
          window = new MainWindow(stage, settings, dirs, p -> {});
          stage.setWidth(1280);
          stage.setHeight(800);
          stage.show();
          window.attach(bench, Clock.systemUTC());
          return null;
        });
    Engine engine = bench.engine();
    Path work = Files.createTempDirectory("omnivibe-tour");

    Job launch = submit(engine, "Product launch", deck(sample, 1280, 720), sample.getParent(), 5);
    await("first render", 120, () -> state(engine, launch) == JobState.SUCCEEDED);

    engine.queue().pause(QueueName.VIDEO);
    // A slide image of its own (a copy would be deduplicated against the first render by content).
    Path gone = work.resolve("logo-draft.png");
    ImageIO.write(SampleDeckWriter.slide(7, 9, 1280, 720), "png", gone.toFile());
    ObjectNode broken = deck(sample, 1280, 720);
    ((ObjectNode) broken.get("slides").get(1)).put("image", gone.toString());
    submit(engine, "Partner briefing", broken, sample.getParent(), 9);
    Files.delete(gone); // removed after submission: the render fails and says which file is missing
    Path longDeck =
        SampleDeckWriter.write(
            work.resolve("review"),
            new SampleDeckWriter.Spec(90, 1920, 1080, 4.0, 0, "dissolve", 1.5, 1920, 1080, 30));
    Job review =
        submit(
            engine,
            "Quarterly review (1080p)",
            (ObjectNode) JSON.readTree(longDeck.toFile()),
            longDeck.getParent(),
            7);
    submit(engine, "Onboarding week 1", deck(sample, 1920, 1080), sample.getParent(), 5);
    submit(engine, "Team update", deck(sample, 854, 480), sample.getParent(), 3);
    engine.queue().resume(QueueName.VIDEO);
    try {
      await(
          "the long render under way",
          120,
          () -> {
            JobRow r = fx(() -> window.queue().row(review.id()));
            return r != null && r.progressProperty().get() > 0.35;
          });
    } catch (IllegalStateException e) {
      JobRow r = fx(() -> window.queue().row(review.id()));
      throw new IllegalStateException(
          e.getMessage()
              + ": the job is "
              + engine.job(review.id()).map(j -> j.state() + " " + j.error()).orElse("gone")
              + ", its row's progress "
              + (r == null ? "(no row)" : r.progressProperty().get()),
          e);
    }
    fx(
        () -> {
          var table = (javafx.scene.control.TableView<?>) window.scene().lookup("#queue-table");
          table.getSelectionModel().select(0);
          return null;
        });
    shot("tab-queue", "queue.png");

    fx(
        () -> {
          window.openDeck(sample);
          return null;
        });
    await(
        "the editor's estimate",
        30,
        () -> !fx(() -> window.editor().estimateProperty().get()).isEmpty());
    shot("tab-editor", "new-render.png");

    await("the encoder probe", 60, () -> !fx(() -> window.encoders().encoders().isEmpty()));
    shot("tab-encoders", "encoders.png");

    await(
        "the queue to drain",
        300,
        () -> engine.queues().stream().allMatch(q -> q.depth() == 0 && q.running() == 0));
    fx(
        () -> {
          window.performance().categoryProperty().set("render-step");
          return null;
        });
    shot("tab-performance", "performance.png");
    fx(
        () -> {
          window.performance().categoryProperty().set(PerformanceViewModel.ALL);
          return null;
        });

    fx(
        () -> {
          window
              .previewModel()
              .show(
                  "Product launch",
                  Path.of(engine.job(launch.id()).orElseThrow().result().output()));
          return null;
        });
    await(
        "the preview",
        15,
        () -> !fx(() -> window.previewModel().statusProperty().get()).startsWith("Loading"));
    shot("tab-preview", "preview.png");

    if (redis != null && !redis.isBlank()) {
      fx(
          () -> {
            window.select("tab-nodes");
            return null;
          });
      Thread.sleep(1500); // the view refreshes once a second while it is shown
      shot("tab-nodes", "nodes.png");
    }
    shot("tab-settings", "settings.png");

    fx(
        () -> {
          window.settings().themeProperty().set("dark");
          return null;
        });
    shot("tab-queue", "queue-dark.png");
  }

  private static ObjectNode deck(Path deckFile, int width, int height) throws Exception {
    ObjectNode d = (ObjectNode) JSON.readTree(deckFile.toFile());
    ((ObjectNode) d.get("output")).put("width", width).put("height", height);
    return d;
  }

  private static Job submit(Engine engine, String name, ObjectNode deck, Path base, int priority)
      throws Exception {
    return engine.submit(
        new RenderRequest(name, deck, base, priority, null, "auto", null, null, null));
  }

  private static JobState state(Engine engine, Job job) {
    return engine.job(job.id()).orElseThrow().state();
  }

  /** Selects a tab, lets layout and charts settle, and writes the scene as a PNG. */
  private void shot(String tabId, String file) throws Exception {
    fx(
        () -> {
          window.select(tabId);
          return null;
        });
    Thread.sleep(1500);
    WritableImage img = fx(() -> window.scene().snapshot(null));
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader px = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        png.setRGB(x, y, px.getArgb(x, y));
      }
    }
    ImageIO.write(png, "png", out.resolve(file).toFile());
    System.out.println("wrote " + out.resolve(file));
  }

  private static void await(String what, int seconds, BooleanSupplier ok)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static <T> T fx(Supplier<T> action) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(action.get());
          } catch (Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.join();
  }

  private void close() {
    if (window != null) {
      fx(
          () -> {
            window.detach();
            return null;
          });
    }
    if (bench != null) {
      bench.close();
    }
    Platform.exit();
  }
}
