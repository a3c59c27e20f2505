package dev.omnivibe.app.gui;

import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.app.Workstation;
import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.encoder.EncoderStatus;
import java.util.List;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop window. It paints first; FFmpeg lookup and the encoder probe run in the background
 * and report into the status line.
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

  @Override
  public void start(Stage stage) {
    Label title = new Label("OmniVibe Workstation");
    title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
    Label status = new Label("Looking for FFmpeg and probing encoders…");
    status.setId("engine-status");
    VBox top = new VBox(8, title, status);
    top.setPadding(new Insets(16));
    List<String> args = getParameters().getRaw();
    BorderPane root =
        new BorderPane(
            new Label(
                args.isEmpty()
                    ? "Render decks from the command line for now: omnivibe render DECK.json -o out.mp4"
                    : "Deck: "
                        + args.get(0)
                        + "\nRender it with: omnivibe render \""
                        + args.get(0)
                        + "\" -o out.mp4"));
    root.setTop(top);
    stage.setTitle("OmniVibe Workstation");
    stage.setScene(new Scene(root, 900, 560));
    stage.show();

    Task<String> probe =
        new Task<>() {
          @Override
          protected String call() {
            Workstation ws = Workstation.open(null);
            EncoderReport report = ws.encoders(false);
            long usable = report.encoders().stream().filter(EncoderStatus::usable).count();
            return "FFmpeg "
                + report.ffmpegVersion()
                + " · default encoder "
                + report.best(Codec.H264).map(EncoderStatus::name).orElse("none")
                + " · "
                + usable
                + " of "
                + report.encoders().size()
                + " encoders usable";
          }
        };
    probe.setOnSucceeded(e -> status.setText(probe.getValue()));
    probe.setOnFailed(
        e -> status.setText("Engine not ready: " + probe.getException().getMessage()));
    Thread t = new Thread(probe, "engine-start");
    t.setDaemon(true);
    t.start();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
