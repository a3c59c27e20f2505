package dev.omnivibe.app.gui.settings;

import dev.omnivibe.engine.job.QueueName;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The settings form; every action goes to {@link SettingsViewModel}. */
public final class SettingsView extends ScrollPane {
  public SettingsView(SettingsViewModel vm) {
    setId("settings-view");
    setFitToWidth(true);
    GridPane g = new GridPane();
    g.getStyleClass().add("form");
    g.setHgap(12);
    g.setVgap(8);
    int r = 0;
    g.add(section("Embedded HTTP API"), 0, r++, 2, 1);
    CheckBox api = new CheckBox("Serve the API (remote scripts can submit renders)");
    api.setId("api-enabled");
    api.selectedProperty().bindBidirectional(vm.apiEnabledProperty());
    g.add(api, 0, r++, 2, 1);
    g.addRow(
        r++,
        new Label("Address"),
        field("api-bind", vm.apiBindProperty(), "127.0.0.1 (this computer only)"));
    g.addRow(r++, new Label("Port"), field("api-port", vm.apiPortProperty(), "8750"));
    Label token = new Label();
    token.setId("api-token");
    token.getStyleClass().add("mono");
    token
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                vm::shownToken, vm.tokenProperty(), vm.tokenShownProperty()));
    ToggleButton show = new ToggleButton("Show");
    show.setId("show-token");
    show.selectedProperty().bindBidirectional(vm.tokenShownProperty());
    Button copy = new Button("Copy");
    copy.setId("copy-token");
    copy.disableProperty().bind(vm.tokenProperty().isEmpty());
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(vm.tokenProperty().get());
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
          vm.messageProperty().set("Token copied");
        });
    Button rotate = new Button("Rotate");
    rotate.setId("rotate-token");
    rotate.disableProperty().bind(vm.tokenProperty().isEmpty());
    rotate.setOnAction(e -> vm.rotateToken());
    g.addRow(r++, new Label("Token"), new HBox(8, token, show, copy, rotate));
    Label status = new Label();
    status.setId("api-status");
    status.textProperty().bind(vm.apiStatusProperty());
    g.add(status, 0, r++, 2, 1);

    g.add(section("Studio services"), 0, r++, 2, 1);
    g.addRow(
        r++,
        new Label("Redis URI"),
        field("redis-uri", vm.redisUriProperty(), "empty: in-process cache (redis://host:6379)"));
    g.addRow(
        r++,
        new Label("Neo4j URI"),
        field("neo4j-uri", vm.neo4jUriProperty(), "empty: SQLite catalog (bolt://host:7687)"));
    g.addRow(
        r++,
        new Label("Shared folder"),
        field(
            "shared-dir",
            vm.sharedDirProperty(),
            "with Redis: renders run on any node (same path on every node)"));

    g.add(section("Rendering"), 0, r++, 2, 1);
    for (QueueName q : QueueName.values()) {
      g.addRow(
          r++,
          new Label(q.id() + " workers"),
          field("workers-" + q.id(), vm.workersProperty(q), "1"));
    }
    g.addRow(
        r++,
        new Label("FFmpeg"),
        field("ffmpeg-path", vm.ffmpegPathProperty(), "empty: found automatically"));
    g.addRow(
        r++,
        new Label("Data folder"),
        field("data-dir", vm.dataDirProperty(), "empty: the per-user data folder"));
    Label log = new Label(vm.logFile());
    log.setId("log-file");
    log.getStyleClass().add("mono");
    log.setWrapText(true);
    g.addRow(r++, new Label("Log file"), log);
    g.add(section("Appearance"), 0, r++, 2, 1);
    ChoiceBox<String> theme = new ChoiceBox<>(FXCollections.observableArrayList("light", "dark"));
    theme.setId("theme");
    theme.valueProperty().bindBidirectional(vm.themeProperty());
    g.addRow(r++, new Label("Theme"), theme);

    Button apply = new Button("Apply");
    apply.setId("apply-settings");
    apply.setDefaultButton(true);
    apply.setOnAction(e -> vm.apply());
    Button revert = new Button("Revert");
    revert.setOnAction(e -> vm.reset());
    Label message = new Label();
    message.setId("settings-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    ListView<String> errors = new ListView<>(vm.errors());
    errors.setId("settings-errors");
    errors.getStyleClass().add("problems");
    errors.setPrefHeight(100);
    errors.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
    errors.managedProperty().bind(errors.visibleProperty());
    VBox box = new VBox(12, g, new HBox(8, apply, revert), message, errors);
    box.getStyleClass().add("settings");
    setContent(box);
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section");
    return l;
  }

  private static TextField field(String id, StringProperty value, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefColumnCount(28);
    f.textProperty().bindBidirectional(value);
    return f;
  }
}
