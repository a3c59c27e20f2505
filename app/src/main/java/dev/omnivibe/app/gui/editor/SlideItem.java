package dev.omnivibe.app.gui.editor;

import dev.omnivibe.engine.deck.Transition;
import dev.omnivibe.engine.deck.TransitionType;
import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One slide in the editor. The duration is text so the field can hold what the user typed (and the
 * engine can say what is wrong with it); blank means "as long as the narration".
 */
public final class SlideItem {
  private final ObjectProperty<Path> image = new SimpleObjectProperty<>();
  private final StringProperty duration = new SimpleStringProperty("");
  private final ObjectProperty<Path> narration = new SimpleObjectProperty<>();
  private final ObjectProperty<TransitionType> transition =
      new SimpleObjectProperty<>(TransitionType.CUT);
  private final DoubleProperty transitionSeconds =
      new SimpleDoubleProperty(Transition.DEFAULT_SECONDS);
  private final StringProperty narrationText = new SimpleStringProperty("");
  private final StringProperty problem = new SimpleStringProperty("");

  /**
   * Per-slide speech settings from a loaded deck ({@code voice}, {@code rate}), kept as they were.
   */
  com.fasterxml.jackson.databind.node.ObjectNode speech;

  private final DoubleProperty resolvedSeconds = new SimpleDoubleProperty(Double.NaN);

  public SlideItem(Path image) {
    this.image.set(image);
  }

  public ObjectProperty<Path> imageProperty() {
    return image;
  }

  public StringProperty durationProperty() {
    return duration;
  }

  public ObjectProperty<Path> narrationProperty() {
    return narration;
  }

  public ObjectProperty<TransitionType> transitionProperty() {
    return transition;
  }

  public DoubleProperty transitionSecondsProperty() {
    return transitionSeconds;
  }

  /** Words to speak instead of a narration file (a local voice reads them before the render). */
  public StringProperty narrationTextProperty() {
    return narrationText;
  }

  /** What the engine said is wrong with this slide; empty when nothing is. */
  public StringProperty problemProperty() {
    return problem;
  }

  /** How long the slide lasts once resolved (narration length plus padding when automatic). */
  public DoubleProperty resolvedSecondsProperty() {
    return resolvedSeconds;
  }
}
