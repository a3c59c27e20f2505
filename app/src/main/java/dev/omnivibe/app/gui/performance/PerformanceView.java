package dev.omnivibe.app.gui.performance;

import java.io.File;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Charts of what the performance monitor measured. */
public final class PerformanceView extends BorderPane {
  public PerformanceView(PerformanceViewModel vm) {
    setId("performance-view");
    ChoiceBox<ReportWindow> window =
        new ChoiceBox<>(FXCollections.observableArrayList(ReportWindow.values()));
    window.setId("report-window");
    window.valueProperty().bindBidirectional(vm.windowProperty());
    ComboBox<String> category = new ComboBox<>(vm.categories());
    category.setId("report-category");
    category.valueProperty().bindBidirectional(vm.categoryProperty());
    Button refresh = new Button("↻ Refresh");
    refresh.setOnAction(e -> vm.load());
    Button export = new Button("Export…");
    export.setId("export-report");
    export.setOnAction(
        e -> {
          FileChooser fc = new FileChooser();
          fc.setTitle("Export report");
          fc.getExtensionFilters()
              .addAll(
                  new FileChooser.ExtensionFilter("JSON", "*.json"),
                  new FileChooser.ExtensionFilter("CSV", "*.csv"));
          fc.setInitialFileName("performance-report.json");
          File f = fc.showSaveDialog(getScene().getWindow());
          if (f != null) {
            vm.export(f.toPath());
          }
        });
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    setTop(
        new ToolBar(
            new Label("Window"),
            window,
            new Label("Category"),
            category,
            refresh,
            export,
            grow,
            message));

    LineChart<String, Number> latency = new LineChart<>(new CategoryAxis(), axis("milliseconds"));
    latency.setId("latency-chart");
    latency.setTitle("Latency percentiles");
    latency.setData(vm.percentiles());
    latency.setCreateSymbols(true);
    latency.setAnimated(false);
    BarChart<String, Number> ops = new BarChart<>(new CategoryAxis(), axis("milliseconds"));
    ops.setId("operations-chart");
    ops.setTitle("Per operation");
    ops.setData(vm.operations());
    ops.setAnimated(false);
    BarChart<String, Number> count = new BarChart<>(new CategoryAxis(), axis("operations"));
    count.setId("throughput-chart");
    count.setTitle("Throughput");
    count.setData(vm.throughput());
    count.setLegendVisible(false);
    count.setAnimated(false);

    GridPane kpis = new GridPane();
    kpis.getStyleClass().add("kpis");
    kpis.setHgap(24);
    kpis.addRow(
        0,
        kpi("Throughput", vm.throughputTextProperty(), "kpi-throughput"),
        kpi("Success rate", vm.successTextProperty(), "kpi-success"),
        kpi("Render cache hit rate", vm.cacheTextProperty(), "kpi-cache"));
    GridPane charts = new GridPane();
    charts.setHgap(8);
    charts.setVgap(8);
    charts.add(latency, 0, 0, 2, 1);
    charts.add(ops, 0, 1);
    charts.add(count, 1, 1);
    for (var c : new javafx.scene.Node[] {latency, ops, count}) {
      GridPane.setHgrow(c, Priority.ALWAYS);
      GridPane.setVgrow(c, Priority.ALWAYS);
    }
    setCenter(new VBox(8, kpis, charts));
    VBox.setVgrow(charts, Priority.ALWAYS);
  }

  private static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis();
    a.setLabel(label);
    return a;
  }

  private static VBox kpi(String title, javafx.beans.property.StringProperty value, String id) {
    Label t = new Label(title);
    t.getStyleClass().add("kpi-title");
    Label v = new Label();
    v.setId(id);
    v.getStyleClass().add("kpi-value");
    v.textProperty().bind(value);
    return new VBox(2, t, v);
  }
}
