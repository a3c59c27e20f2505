package dev.omnivibe.app.gui;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.image.Image;

/** The CSS theme and icon from the assets module. */
public final class Theme {
  private static final String BASE = "/dev/omnivibe/assets/theme/";

  private Theme() {}

  /** Applies {@code light} or {@code dark} (anything else means light). */
  public static void apply(Scene scene, String name) {
    String variant = "dark".equals(name) ? "dark.css" : "light.css";
    scene.getStylesheets().setAll(url("base.css"), url(variant));
  }

  public static Image icon() {
    return new Image(url("omnivibe.png"));
  }

  private static String url(String file) {
    URL u =
        Objects.requireNonNull(Theme.class.getResource(BASE + file), "missing theme file " + file);
    return u.toExternalForm();
  }
}
