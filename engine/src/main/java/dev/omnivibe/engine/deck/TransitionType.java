package dev.omnivibe.engine.deck;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Transitions a deck may name; each maps to an FFmpeg {@code xfade} transition. */
public enum TransitionType {
  CUT(null),
  FADE("fade"),
  DISSOLVE("dissolve"),
  FADEBLACK("fadeblack"),
  FADEWHITE("fadewhite"),
  WIPELEFT("wipeleft"),
  WIPERIGHT("wiperight"),
  WIPEUP("wipeup"),
  WIPEDOWN("wipedown"),
  SLIDELEFT("slideleft"),
  SLIDERIGHT("slideright"),
  SLIDEUP("slideup"),
  SLIDEDOWN("slidedown"),
  CIRCLEOPEN("circleopen"),
  CIRCLECLOSE("circleclose"),
  RADIAL("radial"),
  PIXELIZE("pixelize"),
  ZOOMIN("zoomin");

  private final String xfadeName;

  TransitionType(String xfadeName) {
    this.xfadeName = xfadeName;
  }

  /** The name FFmpeg's xfade filter knows, or null for a cut. */
  public String xfadeName() {
    return xfadeName;
  }

  /**
   * True when every pixel changes from one frame to the next (fades, dissolves): inter prediction
   * finds nothing to reuse there, so encoding each frame as a picture of its own is cheaper and no
   * larger. Wipes and slides keep static regions and are left to the encoder.
   */
  public boolean changesEveryPixel() {
    return switch (this) {
      case FADE, DISSOLVE, FADEBLACK, FADEWHITE, PIXELIZE, ZOOMIN -> true;
      default -> false;
    };
  }

  /** The lower-case name used in deck files. */
  public String deckName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TransitionType> fromDeckName(String name) {
    return Arrays.stream(values()).filter(t -> t.deckName().equals(name)).findFirst();
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(TransitionType::deckName).collect(Collectors.joining(", "));
  }
}
