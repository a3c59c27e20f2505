package dev.omnivibe.app.gui.encoders;

import dev.omnivibe.engine.encoder.EncoderStatus;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Every encoder candidate and why it can or cannot be used. */
public final class EncodersView extends BorderPane {
  public EncodersView(EncodersViewModel vm) {
    setId("encoders-view");
    TableView<EncoderStatus> table = new TableView<>(vm.encoders());
    table.setId("encoder-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("Encoder", EncoderStatus::name));
    table.getColumns().add(column("Vendor", EncoderStatus::vendor));
    table.getColumns().add(column("Codec", s -> s.codec().name()));
    table.getColumns().add(column("Kind", s -> s.hardware() ? "hardware" : "software"));
    TableColumn<EncoderStatus, String> usable =
        column("Usable", s -> s.usable() ? "✔ yes" : "✖ no");
    usable.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                getStyleClass().removeAll("state-succeeded", "state-failed");
                if (!empty && v != null) {
                  getStyleClass().add(v.startsWith("✔") ? "state-succeeded" : "state-failed");
                }
              }
            });
    table.getColumns().add(usable);
    table.getColumns().add(column("Probe", s -> s.probeMillis() + " ms"));
    table.getColumns().add(column("Why", EncodersViewModel::reason));
    table.setPlaceholder(new Label("Probing…"));

    Button refresh = new Button("↻ Probe again");
    refresh.setId("refresh-encoders");
    refresh.disableProperty().bind(vm.probingProperty());
    refresh.setOnAction(e -> vm.load(true));
    ChoiceBox<String> choice = new ChoiceBox<>(vm.choices());
    choice.setId("encoder-choice");
    choice.valueProperty().bindBidirectional(vm.choiceProperty());
    Label def = new Label();
    def.textProperty().bind(vm.defaultEncoderProperty().concat(" is the default"));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    setTop(new ToolBar(refresh, grow, def, new Label("Render with"), choice));
    setCenter(table);
    Label summary = new Label();
    summary.setId("encoder-summary");
    summary.textProperty().bind(vm.summaryProperty());
    Label ffmpeg = new Label();
    ffmpeg.setId("encoder-ffmpeg");
    ffmpeg.setWrapText(true);
    ffmpeg.textProperty().bind(vm.ffmpegProperty());
    javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(4, summary, ffmpeg);
    bar.getStyleClass().add("footer");
    setBottom(bar);
  }

  private static TableColumn<EncoderStatus, String> column(
      String title, java.util.function.Function<EncoderStatus, String> value) {
    TableColumn<EncoderStatus, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }
}
