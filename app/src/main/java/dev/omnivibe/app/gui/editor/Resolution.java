package dev.omnivibe.app.gui.editor;

import java.util.List;

/** An output size the editor offers. */
public record Resolution(int width, int height, String label) {
  public static final List<Resolution> CHOICES =
      List.of(
          new Resolution(640, 360, "360p"),
          new Resolution(854, 480, "480p"),
          new Resolution(1280, 720, "720p HD"),
          new Resolution(1920, 1080, "1080p Full HD"),
          new Resolution(2560, 1440, "1440p QHD"),
          new Resolution(3840, 2160, "2160p 4K UHD"));

  /** The listed choice with this size, or a custom one. */
  public static Resolution of(int width, int height) {
    return CHOICES.stream()
        .filter(r -> r.width == width && r.height == height)
        .findFirst()
        .orElse(new Resolution(width, height, "custom"));
  }

  @Override
  public String toString() {
    return width + "×" + height + " (" + label + ")";
  }
}
