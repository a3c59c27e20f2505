package dev.omnivibe.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, place and selected view, kept in {@code window.properties} next to the
 * settings. A saved place that is no longer on any screen (a monitor was unplugged) is ignored.
 */
public final class WindowState {
  private final Path file;
  private final Properties p = new Properties();

  public WindowState(Path configDir) {
    this.file = configDir.resolve("window.properties");
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        p.clear(); // a damaged file only costs the saved layout
      }
    }
  }

  public void restore(Stage stage) {
    double w = number("width", 1180);
    double h = number("height", 760);
    stage.setWidth(w);
    stage.setHeight(h);
    double x = number("x", Double.NaN);
    double y = number("y", Double.NaN);
    if (!Double.isNaN(x) && !Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
      stage.setX(x);
      stage.setY(y);
    }
    stage.setMaximized(Boolean.parseBoolean(p.getProperty("maximized", "false")));
  }

  public int tab() {
    return (int) number("tab", 0);
  }

  /** Records the stage and tab; written by {@link #save()}. */
  public void remember(Stage stage, int tab) {
    p.setProperty("maximized", String.valueOf(stage.isMaximized()));
    if (!stage.isMaximized()) {
      p.setProperty("x", String.valueOf(stage.getX()));
      p.setProperty("y", String.valueOf(stage.getY()));
      p.setProperty("width", String.valueOf(stage.getWidth()));
      p.setProperty("height", String.valueOf(stage.getHeight()));
    }
    p.setProperty("tab", String.valueOf(tab));
  }

  /** Best effort: losing the layout is not worth an error dialog on exit. */
  public void save() {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        p.store(out, "OmniVibe window layout");
      }
    } catch (IOException e) {
      System.err.println(
          "warning: cannot save the window layout to " + file + ": " + e.getMessage());
    }
  }

  private double number(String key, double fallback) {
    try {
      return Double.parseDouble(p.getProperty(key, ""));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
