package dev.omnivibe.app.gui;

import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.app.Services;
import dev.omnivibe.app.Settings;
import dev.omnivibe.engine.platform.AppDirs;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application. The window paints first (with placeholders); the store, FFmpeg lookup,
 * encoder probe and the API start on a background thread and fill the views when ready.
 */
public final class DesktopApp extends Application {

  /** Opens the window and blocks until it closes; returns the process exit code. */
  public static int open(java.nio.file.Path deck) {
    String os = System.getProperty("os.name", "");
    boolean linux = os.startsWith("Linux");
    if (linux
        && isBlank(System.getenv("DISPLAY"))
        && isBlank(System.getenv("WAYLAND_DISPLAY"))
        && !Boolean.getBoolean("testfx.headless")) {
      System.err.println(
          "error: no display to open a window on (DISPLAY is not set). "
              + "Use a subcommand such as `omnivibe render DECK.json -o out.mp4`, or see `omnivibe --help`.");
      return ExitCodes.FAILURE;
    }
    try {
      if (deck == null) {
        Application.launch(DesktopApp.class);
      } else {
        Application.launch(DesktopApp.class, deck.toAbsolutePath().toString());
      }
      return ExitCodes.OK;
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      System.err.println(
          "error: cannot open the window: "
              + e.getMessage()
              + (linux ? " (JavaFX needs GTK 3: apt-get install libgtk-3-0)" : ""));
      return ExitCodes.FAILURE;
    }
  }

  private Workbench bench;
  private MainWindow window;
  private WindowState layout;

  @Override
  public void start(Stage stage) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    AppDirs dirs = AppDirs.forCurrentUser();
    Settings settings;
    try {
      settings = Settings.load(dirs.config());
    } catch (IllegalStateException e) {
      System.err.println("warning: " + e.getMessage() + "; using defaults");
      settings = Settings.empty(dirs.config());
    }
    layout = new WindowState(dirs.config());
    HostServices host = getHostServices();
    window = new MainWindow(stage, settings, dirs, p -> host.showDocument(p.toUri().toString()));
    layout.restore(stage);
    window
        .tabs()
        .getSelectionModel()
        .select(Math.max(0, Math.min(layout.tab(), window.tabs().getTabs().size() - 1)));
    Runnable painted =
        new Runnable() {
          @Override
          public void run() {
            window.scene().removePostLayoutPulseListener(this);
            long ms = System.currentTimeMillis() - jvmStart;
            System.err.println("omnivibe: window painted " + ms + " ms after start");
          }
        };
    window.scene().addPostLayoutPulseListener(painted);
    stage.show();

    List<String> args = getParameters().getRaw();
    Services services = new Services(settings, dirs);
    Thread t =
        new Thread(
            () -> {
              try {
                Workbench opened = Workbench.open(services);
                long ms = System.currentTimeMillis() - jvmStart;
                Platform.runLater(
                    () -> {
                      bench = opened;
                      window.attach(opened, Clock.systemUTC());
                      System.err.println("omnivibe: engine ready " + ms + " ms after start");
                      if (!args.isEmpty()) {
                        window.openDeck(Path.of(args.get(0)));
                      }
                    });
              } catch (RuntimeException e) {
                Platform.runLater(() -> window.failed(e));
              }
            },
            "engine-start");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void stop() {
    if (window != null) {
      Stage s = (Stage) window.scene().getWindow();
      if (s != null) {
        layout.remember(s, window.tabs().getSelectionModel().getSelectedIndex());
        layout.save();
      }
      window.detach();
    }
    if (bench != null) {
      // Running renders go back to the queue and resume at the next start.
      bench.close();
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
