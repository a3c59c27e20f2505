package dev.omnivibe.app.gui.performance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.api.json.ReportJson;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.dedup.DedupStats;
import dev.omnivibe.engine.monitor.OperationStats;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.monitor.TimePoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Performance charts: latency percentiles over time, per-operation bars, throughput, success rate
 * and the render cache's hit rate, over a chosen window and category.
 */
public final class PerformanceViewModel {
  /** The category choice that means every category. */
  public static final String ALL = "all categories";

  private final Engine engine;
  private final Async async;
  private final ObjectProperty<ReportWindow> window = new SimpleObjectProperty<>(ReportWindow.HOUR);
  private final StringProperty category = new SimpleStringProperty("render");
  private final ObservableList<String> categories =
      FXCollections.observableArrayList(ALL, "render");
  private final ObjectProperty<PerformanceReport> report = new SimpleObjectProperty<>();
  private final ObservableList<XYChart.Series<String, Number>> percentiles =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Series<String, Number>> operations =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Series<String, Number>> throughput =
      FXCollections.observableArrayList();
  private final StringProperty throughputText = new SimpleStringProperty("—");
  private final StringProperty successText = new SimpleStringProperty("—");
  private final StringProperty cacheText = new SimpleStringProperty("—");
  private final StringProperty message = new SimpleStringProperty("");

  public PerformanceViewModel(Engine engine, Async async) {
    this.engine = engine;
    this.async = async;
    window.addListener((o, a, b) -> load());
    category.addListener((o, a, b) -> load());
  }

  private record Loaded(PerformanceReport report, DedupStats dedup, List<String> categories) {}

  public void load() {
    String c = category.get() == null || ALL.equals(category.get()) ? null : category.get();
    ReportWindow w = window.get();
    async.call(
        () ->
            new Loaded(
                engine.metrics().report(c, w.length()),
                engine.dedupStats(),
                engine.metrics().categories()),
        this::show,
        e -> message.set("Cannot build the report: " + e.getMessage()));
  }

  private void show(Loaded l) {
    PerformanceReport r = l.report;
    report.set(r);
    for (String c : l.categories) {
      if (!categories.contains(c)) {
        categories.add(c);
      }
    }
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(window.get().timePattern(), Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    XYChart.Series<String, Number> p50 = series("p50");
    XYChart.Series<String, Number> p95 = series("p95");
    XYChart.Series<String, Number> p99 = series("p99");
    XYChart.Series<String, Number> count = series("operations");
    for (TimePoint p : r.series()) {
      String x = f.format(p.start());
      count.getData().add(new XYChart.Data<>(x, p.stats().count()));
      if (p.stats().count() > 0) {
        p50.getData().add(new XYChart.Data<>(x, p.stats().p50Ms()));
        p95.getData().add(new XYChart.Data<>(x, p.stats().p95Ms()));
        p99.getData().add(new XYChart.Data<>(x, p.stats().p99Ms()));
      }
    }
    percentiles.setAll(List.of(p50, p95, p99));
    throughput.setAll(List.of(count));
    XYChart.Series<String, Number> opP50 = series("p50");
    XYChart.Series<String, Number> opP95 = series("p95");
    r.operations()
        .forEach(
            (name, s) -> {
              opP50.getData().add(new XYChart.Data<>(name, zero(s.p50Ms())));
              opP95.getData().add(new XYChart.Data<>(name, zero(s.p95Ms())));
            });
    operations.setAll(List.of(opP50, opP95));
    OperationStats t = r.total();
    throughputText.set(
        String.format(
            Locale.ROOT, "%.2f / min (%d in window)", r.throughputPerMinute(), t.count()));
    successText.set(Formats.percent(t.successRate()));
    DedupStats d = l.dedup;
    long asked = d.hits() + d.merged() + d.misses();
    cacheText.set(
        asked == 0
            ? "—"
            : Formats.percent(d.hitRate())
                + " ("
                + d.hits()
                + " hits, "
                + d.merged()
                + " merged, "
                + d.misses()
                + " rendered)");
    message.set("");
  }

  /**
   * Writes the shown report as JSON (the API's report document) or CSV, by the file's extension.
   */
  public void export(Path file) {
    PerformanceReport r = report.get();
    if (r == null) {
      message.set("Nothing to export yet");
      return;
    }
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    double hours = window.get().length().toMinutes() / 60.0;
    async.call(
        () -> {
          byte[] bytes =
              csv
                  ? ReportCsv.of(r).getBytes(StandardCharsets.UTF_8)
                  : new ObjectMapper()
                      .writerWithDefaultPrettyPrinter()
                      .writeValueAsBytes(ReportJson.of(r, hours));
          Files.write(file, bytes);
          return file;
        },
        f -> message.set("Exported " + f.getFileName()),
        e -> message.set("Cannot export to " + file + ": " + e.getMessage()));
  }

  private static XYChart.Series<String, Number> series(String name) {
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    s.setName(name);
    return s;
  }

  private static double zero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  public ObjectProperty<ReportWindow> windowProperty() {
    return window;
  }

  public StringProperty categoryProperty() {
    return category;
  }

  public ObservableList<String> categories() {
    return categories;
  }

  public ObjectProperty<PerformanceReport> reportProperty() {
    return report;
  }

  public ObservableList<XYChart.Series<String, Number>> percentiles() {
    return percentiles;
  }

  public ObservableList<XYChart.Series<String, Number>> operations() {
    return operations;
  }

  public ObservableList<XYChart.Series<String, Number>> throughput() {
    return throughput;
  }

  public StringProperty throughputTextProperty() {
    return throughputText;
  }

  public StringProperty successTextProperty() {
    return successText;
  }

  public StringProperty cacheTextProperty() {
    return cacheText;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
