package dev.omnivibe.app.gui.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.engine.monitor.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts and exports from the real performance monitor. */
class PerformanceViewModelTest {
  GuiFixture fx;
  PerformanceViewModel vm;
  @TempDir Path tmp;

  @BeforeEach
  void open() {
    fx = GuiFixture.open();
    for (int i = 1; i <= 20; i++) {
      fx.engine.recorder().record("encode", "render-step", i * 10, Status.SUCCESS, Map.of());
    }
    fx.engine.recorder().record("mux", "render-step", 5, Status.ERROR, Map.of());
    vm = new PerformanceViewModel(fx.engine, Async.direct());
    vm.categoryProperty().set("render-step");
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void chartsFillFromTheMonitor() {
    vm.load();
    assertThat(vm.percentiles()).extracting(s -> s.getName()).containsExactly("p50", "p95", "p99");
    assertThat(vm.percentiles().get(1).getData()).isNotEmpty();
    double p95 = vm.percentiles().get(1).getData().get(0).getYValue().doubleValue();
    assertThat(p95).isBetween(180.0, 202.0);
    assertThat(vm.operations().get(0).getData())
        .extracting(d -> d.getXValue())
        .containsExactly("encode", "mux");
    assertThat(
            vm.throughput().get(0).getData().stream()
                .mapToLong(d -> d.getYValue().longValue())
                .sum())
        .isEqualTo(21);
    assertThat(vm.successTextProperty().get()).isEqualTo("95.2 %");
    assertThat(vm.categories()).contains("render-step");
  }

  @Test
  void theWindowChangesTheSeriesStep() {
    vm.load();
    int hourPoints = vm.throughput().get(0).getData().size();
    vm.windowProperty().set(ReportWindow.WEEK);
    assertThat(vm.reportProperty().get().step().toHours()).isEqualTo(2);
    assertThat(vm.throughput().get(0).getData().size()).isNotEqualTo(hourPoints);
  }

  @Test
  void exportsJsonInTheApisShapeAndCsvForSpreadsheets() throws Exception {
    vm.load();
    Path json = tmp.resolve("report.json");
    vm.export(json);
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.get("total_operations").asInt()).isEqualTo(21);
    assertThat(doc.at("/operations/encode/count").asInt()).isEqualTo(20);

    Path csv = tmp.resolve("report.csv");
    vm.export(csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(ReportCsv.HEADER);
    assertThat(lines.get(1)).startsWith("total,render-step,,21,1,");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("operation,encode,,20,0,1.000,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("series,,"));
    assertThat(vm.messageProperty().get()).isEqualTo("Exported report.csv");
  }

  @Test
  void csvNeverLetsANameRunAsAFormula() {
    assertThat(ReportCsv.quote("=cmd()")).isEqualTo("'=cmd()");
    assertThat(ReportCsv.quote("a,b")).isEqualTo("\"a,b\"");
  }
}
